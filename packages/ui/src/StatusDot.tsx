import styles from './StatusDot.module.css';

export type Status = 'up' | 'down' | 'unknown';

const statusWords: Record<Status, string> = { up: 'up', down: 'down', unknown: 'unknown' };

export interface StatusDotProps {
  label: string;
  status: Status;
}

/** Colour alone says nothing to a screen reader, so the status is also spelled out in the accessible name. */
export function StatusDot({ label, status }: StatusDotProps) {
  return (
    <span className={styles.status} title={`${label}: ${statusWords[status]}`}>
      <span className={`${styles.dot} ${styles[status]}`} aria-hidden="true" />
      <span>
        {label}
        <span className="cf-visually-hidden">: {statusWords[status]}</span>
      </span>
    </span>
  );
}
