import { Link, Outlet } from 'react-router';

import { paths } from '@/config/paths';
import { HealthBadge } from '@/features/health';

import styles from './layout.module.css';

export function AppLayout() {
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link to={paths.home()} className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            ◆
          </span>
          Certflow
        </Link>
        <HealthBadge />
      </header>
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
