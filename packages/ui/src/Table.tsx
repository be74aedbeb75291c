import { useId, type ReactNode } from 'react';

import styles from './Table.module.css';

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
}

export interface TableProps<Row> {
  caption: ReactNode;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
  /** Hide the caption visually while keeping it as the table's accessible name. */
  hideCaption?: boolean;
}

export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty = 'Nothing here yet.',
  hideCaption,
}: TableProps<Row>) {
  const captionId = useId();
  return (
    // The wrapper scrolls sideways on narrow screens, so keyboard users must be able to focus it (WCAG 2.1.1).
    <div className={styles.wrapper} tabIndex={0} role="group" aria-labelledby={captionId}>
      <table className={styles.table}>
        <caption id={captionId} className={hideCaption ? 'cf-visually-hidden' : styles.caption}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className={styles.empty} colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key}>{column.cell(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
