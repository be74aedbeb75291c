import { Card, DetailList, ErrorSummary, Loading, PageHeader, StageBadge, Table } from '@certflow/ui';
import { Link, useParams } from 'react-router';

import { paths } from '@/config/paths';

import { type TaskDetail, useTask } from '../api/get-task';
import { CommentsSection } from '../components/comments-section';
import { EvidenceSection } from '../components/evidence-section';
import { formatDay, statusLabels } from '../components/format';
import { TaskActions } from '../components/task-actions';
import styles from '../components/tasks.module.css';

type Link_ = TaskDetail['links'][number];

function Requirements({ task }: { task: TaskDetail }) {
  return (
    <Card>
      <h2>Requirements</h2>
      {task.requirements.length === 0 ? (
        <p>This task is not tied to a catalog requirement.</p>
      ) : (
        <ul className={styles.list}>
          {task.requirements.map((r) => (
            <li key={r.id}>
              <strong>{r.id}</strong> {r.title ?? '(no longer in the catalog)'}
            </li>
          ))}
        </ul>
      )}
      <h3>Also serves, across frameworks</h3>
      <Table<Link_>
        caption="Requirements of other frameworks this task also serves"
        hideCaption
        rows={task.links}
        rowKey={(l) => `${l.from}→${l.id}`}
        empty="No crosswalk links."
        columns={[
          { key: 'to', header: 'Requirement', cell: (l) => `${l.id} ${l.title ?? ''}` },
          { key: 'relation', header: 'Relation', cell: (l) => `${l.relation} of ${l.from}` },
          { key: 'crosswalk', header: 'Crosswalk', cell: (l) => l.crosswalk },
        ]}
      />
    </Card>
  );
}

/** One remediation task: what it is for, its evidence and comments, and what the viewer may do with it. */
export function TaskRoute() {
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  if (task.isPending) return <Loading>Loading the task…</Loading>;
  if (task.isError) return <ErrorSummary title="Could not load the task" messages={[task.error.message]} />;
  const t = task.data;
  return (
    <>
      <PageHeader
        title={t.title}
        description={
          <>
            Remediation task in <Link to={paths.program(t.program.id)}>{t.program.name}</Link>
          </>
        }
      />
      <Card>
        <DetailList
          items={[
            {
              term: 'Status',
              detail: t.overdue ? (
                <StageBadge tone="danger" label="Overdue" />
              ) : (
                <StageBadge
                  tone={t.status === 'OPEN' ? 'active' : 'done'}
                  label={statusLabels[t.status] ?? t.status}
                />
              ),
            },
            { term: 'Owner', detail: t.ownerEmail },
            { term: 'Due', detail: formatDay(t.dueDate) },
            ...(t.completedOn ? [{ term: 'Completed', detail: formatDay(t.completedOn) }] : []),
            { term: 'From', detail: t.source === 'finding' ? 'An audit finding' : 'The gap assessment' },
            ...(t.finding
              ? [
                  {
                    term: 'Finding',
                    detail: `${t.finding.severity ?? ''} (${t.finding.auditId}): ${t.finding.description}`,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Requirements task={t} />
      <EvidenceSection task={t} />
      <TaskActions task={t} />
      <CommentsSection task={t} />
    </>
  );
}
