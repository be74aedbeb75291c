import type { PrefillBasis } from '@certflow/contracts/implementation';

import { prefillBasisLabels } from '@/lib/implementation';

import { type HeatmapSection, intensity } from '../utils/heatmap';
import styles from './gap-assessment.module.css';

const bases: PrefillBasis[] = ['recorded', 'carried-over', 'partly', 'open'];

/**
 * The heatmap is a table: each cell shows its count as text, and a pattern (solid, stripes, dots, cross-hatch per
 * state, denser for a larger share of the row) repeats it for the eye, so nothing depends on colour alone.
 */
export function HeatmapTable({ sections, caption }: { sections: HeatmapSection[]; caption: string }) {
  return (
    <div className={styles.heatmapWrapper}>
      <table className={styles.heatmap}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            {bases.map((basis) => (
              <th key={basis} scope="col">
                <span className={`${styles.legend} ${styles[`pattern-${basis}`]}`} aria-hidden="true" />
                {prefillBasisLabels[basis]}
              </th>
            ))}
            <th scope="col">Answered</th>
            <th scope="col">Gaps</th>
          </tr>
        </thead>
        {sections.map((section) => (
          <tbody key={section.section}>
            <tr className={styles.heatmapSection}>
              <th scope="colgroup" colSpan={bases.length + 3}>
                {section.title}
              </th>
            </tr>
            {section.rows.map((row) => (
              <tr key={row.group.id}>
                <th scope="row">
                  <span className={styles.ref}>{row.group.ref}</span> {row.group.title}
                  <span className={styles.muted}> · {row.total}</span>
                </th>
                {bases.map((basis) => (
                  <td
                    key={basis}
                    className={`${styles.heatCell} ${styles[`pattern-${basis}`]} ${styles[`level-${intensity(row.byBasis[basis], row.total)}`]}`}
                  >
                    <span className={styles.heatCount}>{row.byBasis[basis]}</span>
                  </td>
                ))}
                <td>
                  {row.answered} of {row.total}
                </td>
                <td>{row.gaps}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
