import { StatusDot, type Status } from '@certflow/ui';

import { useHealth } from '../api/get-health';
import styles from './health-badge.module.css';

const dependencyLabels: Record<string, string> = { database: 'DB', temporal: 'Temporal' };

/** API, database and Temporal at a glance; unknown until the first answer arrives. */
export function HealthBadge() {
  const { data } = useHealth();
  const statusOf = (name: string): Status => {
    if (!data) return 'unknown';
    if (data.api === 'down') return name === 'api' ? 'down' : 'unknown';
    if (name === 'api') return 'up';
    return data.dependencies.find((d) => d.name === name)?.status ?? 'unknown';
  };
  const names = ['api', 'database', 'temporal'];
  return (
    <div role="group" aria-label="System health" className={styles.badge}>
      {names.map((name) => (
        <StatusDot key={name} label={dependencyLabels[name] ?? name.toUpperCase()} status={statusOf(name)} />
      ))}
    </div>
  );
}
