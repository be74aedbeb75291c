import type { ReactNode } from 'react';

import styles from './Layout.module.css';

/** A polite live region, so "loading" is announced without stealing focus. */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p role="status" className={styles.loading}>
      {children}
    </p>
  );
}

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className={styles.empty}>
      <p className={styles.emptyTitle}>{title}</p>
      {children}
    </div>
  );
}
