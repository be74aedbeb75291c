import styles from './Badge.module.css';

export type BadgeTone = 'neutral' | 'active' | 'done' | 'warning' | 'danger';

export interface StageBadgeProps {
  /** Human-readable stage name, e.g. "Gap assessment". */
  label: string;
  tone?: BadgeTone;
}

export function StageBadge({ label, tone = 'active' }: StageBadgeProps) {
  return <span className={`${styles.badge} ${styles[tone]}`}>{label}</span>;
}

export interface TagProps {
  children: string;
}

/** A quiet badge for labels such as framework names. */
export function Tag({ children }: TagProps) {
  return <span className={`${styles.badge} ${styles.neutral}`}>{children}</span>;
}
