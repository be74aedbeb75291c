import { implementationStatusLabels } from '@/lib/implementation';

import type { Chain as ChainData } from '../api/gap-assessment';
import { relationWords, requirementName } from '../utils/requirements';
import styles from './gap-assessment.module.css';

const yieldWords = { satisfied: 'fully', partial: 'partly', open: 'not' } as const;

/** One justification: where the status comes from and each crosswalk row on the way, with its reason. */
export function Chain({ chain }: { chain: ChainData }) {
  return (
    <li className={styles.chain}>
      <p className={styles.chainHead}>
        ← {yieldWords[chain.yields]} ← <strong>{requirementName(chain.source)}</strong> (
        {implementationStatusLabels[chain.sourceStatus].toLowerCase()})
      </p>
      <ol className={styles.hops}>
        {chain.hops.map((hop) => (
          <li key={`${hop.from}-${hop.to}`}>
            {requirementName(hop.from)} <em>{relationWords[hop.relation] ?? hop.relation}</em>{' '}
            {requirementName(hop.to)}: {hop.rationale}{' '}
            <span className={styles.muted}>
              ({hop.crosswalk}, {hop.source})
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}
