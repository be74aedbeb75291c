import type { ReactNode } from 'react';

import styles from './ErrorSummary.module.css';

export interface ErrorSummaryProps {
  title: ReactNode;
  /** Extra lines under the title, e.g. errors that belong to no single field. */
  messages?: readonly string[];
  children?: ReactNode;
}

/** An alert, so it is announced as soon as it appears after a failed submit or request. */
export function ErrorSummary({ title, messages = [], children }: ErrorSummaryProps) {
  return (
    <div role="alert" className={styles.summary}>
      <p className={styles.title}>{title}</p>
      {messages.length > 0 ? (
        <ul className={styles.list}>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
