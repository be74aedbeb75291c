import { Button, StageBadge } from '@certflow/ui';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { implementationStatusLabels, statusTones } from '@/lib/implementation';

import { type SoaLine, useUpdateSoa } from '../api/soa';
import { SoaLineForm } from './soa-line-form';
import styles from './soa.module.css';

const sourceLabels: Record<SoaLine['source'], string> = {
  statement: 'set on this statement',
  'implementation-status': 'from the implementation status',
  default: 'applies by default',
};

/** One standard's Annex A controls, grouped by theme or objective, each editable in place by a manager. */
export function SoaTable({
  programId,
  caption,
  lines,
  editable,
}: {
  programId: string;
  caption: string;
  lines: SoaLine[];
  editable: boolean;
}) {
  const update = useUpdateSoa(programId);
  const [editing, setEditing] = useState<string | null>(null);
  const columns = editable ? 6 : 5;
  let theme = '';
  return (
    <table className={styles.table}>
      <caption className="cf-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Control</th>
          <th scope="col">Applicable</th>
          <th scope="col">Justification</th>
          <th scope="col">Implementation</th>
          <th scope="col">Remediation task</th>
          {editable ? <th scope="col">Change</th> : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const heading =
            line.theme.ref === theme ? null : (
              <tr className={styles.theme}>
                <th scope="colgroup" colSpan={columns}>
                  {line.theme.ref} {line.theme.title}
                </th>
              </tr>
            );
          theme = line.theme.ref;
          const status = line.implementation.status;
          return (
            <Fragment key={line.requirementId}>
              {heading}
              <tr>
                <th scope="row">
                  <span className={styles.ref}>{line.ref}</span> {line.title}
                </th>
                <td>
                  <StageBadge
                    label={line.applicable ? 'Yes' : 'No (excluded)'}
                    tone={line.applicable ? 'active' : 'neutral'}
                  />
                  <br />
                  <span className={styles.muted}>{sourceLabels[line.source]}</span>
                </td>
                <td>{line.justification ?? <span className={styles.muted}>—</span>}</td>
                <td>
                  {status ? (
                    <StageBadge label={implementationStatusLabels[status]} tone={statusTones[status]} />
                  ) : (
                    <span className={styles.muted}>Not recorded</span>
                  )}
                </td>
                <td>
                  {line.task ? (
                    <Link to={`${paths.program(programId)}#task-${line.task.id}`}>
                      {line.task.title} ({line.task.status.toLowerCase()}, due {line.task.dueDate})
                    </Link>
                  ) : (
                    <span className={styles.muted}>None</span>
                  )}
                </td>
                {editable ? (
                  <td>
                    <Button variant="ghost" onClick={() => setEditing(line.requirementId)}>
                      Change<span className="cf-visually-hidden">{` ${line.ref}`}</span>
                    </Button>
                  </td>
                ) : null}
              </tr>
              {editing === line.requirementId ? (
                <tr>
                  <td colSpan={columns}>
                    <SoaLineForm
                      line={line}
                      busy={update.isPending}
                      onCancel={() => setEditing(null)}
                      onSave={async (entry) => {
                        await update.mutateAsync({
                          entries: [{ requirementId: line.requirementId, ...entry }],
                        });
                        setEditing(null);
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
