import { useId, type ReactNode } from 'react';

import styles from './Card.module.css';

export interface CardProps {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled surface; with a title it is a named region, so tests can find it by role and name. */
export function Card({ title, actions, children, className }: CardProps) {
  const titleId = useId();
  return (
    <section
      className={className ? `${styles.card} ${className}` : styles.card}
      aria-labelledby={title ? titleId : undefined}
    >
      {title || actions ? (
        <div className={styles.header}>
          {title ? (
            <h2 id={titleId} className={styles.title}>
              {title}
            </h2>
          ) : (
            <span />
          )}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}
