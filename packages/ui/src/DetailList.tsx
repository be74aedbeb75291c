import type { ReactNode } from 'react';

import styles from './Layout.module.css';

export interface DetailItem {
  term: string;
  detail: ReactNode;
}

export function DetailList({ items }: { items: readonly DetailItem[] }) {
  return (
    <dl className={styles.details}>
      {items.map((item) => (
        <div key={item.term} style={{ display: 'contents' }}>
          <dt>{item.term}</dt>
          <dd>{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
