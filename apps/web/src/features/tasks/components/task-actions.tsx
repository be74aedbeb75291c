import { Button, Card, ErrorSummary, TextField } from '@certflow/ui';
import { type FormEvent, useState } from 'react';

import { ApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';

import type { TaskDetail } from '../api/get-task';
import { useCompleteTask, useReassignTask } from '../api/task-actions';
import styles from './tasks.module.css';

const today = () => new Date().toISOString().slice(0, 10);

function issuesOf(error: Error | null): ApiError['issues'] {
  return error instanceof ApiError ? error.issues : [];
}

/** The workflow's answer when it refuses: its own message (and rule), next to the form. */
function Refusal({ error, fields }: { error: Error | null; fields: string[] }) {
  if (!error) return null;
  const other = issuesOf(error).filter((i) => !fields.includes(i.path));
  const messages =
    other.length > 0 ? other.map((i) => i.message) : issuesOf(error).length ? [] : [error.message];
  return messages.length > 0 ? (
    <ErrorSummary title="The workflow did not accept this" messages={messages} />
  ) : null;
}

function CompleteForm({ task }: { task: TaskDetail }) {
  const complete = useCompleteTask(task);
  const { key, renew } = useIdempotencyKey();
  const [completedOn, setCompletedOn] = useState(today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate({ completedOn, key }, { onSuccess: renew });
  };
  const fieldError = (path: string) => issuesOf(complete.error).find((i) => i.path.startsWith(path))?.message;
  return (
    <form className={styles.stack} onSubmit={submit} aria-label="Complete the task">
      <h3>Complete</h3>
      {task.evidence.length === 0 ? (
        <p>Upload at least one piece of evidence first: completing needs it.</p>
      ) : null}
      <Refusal error={complete.error} fields={['completedOn', 'evidence']} />
      <TextField
        label="Completed on"
        type="date"
        value={completedOn}
        required
        onChange={(e) => setCompletedOn(e.target.value)}
        error={fieldError('completedOn') ?? fieldError('evidence')}
      />
      <div>
        <Button type="submit" busy={complete.isPending} disabled={task.evidence.length === 0}>
          Complete task with {task.evidence.length} piece{task.evidence.length === 1 ? '' : 's'} of evidence
        </Button>
      </div>
    </form>
  );
}

function ReassignForm({ task }: { task: TaskDetail }) {
  const reassign = useReassignTask(task);
  const { key, renew } = useIdempotencyKey();
  const [ownerEmail, setOwnerEmail] = useState(task.ownerEmail);
  const [dueDate, setDueDate] = useState(task.dueDate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reassign.mutate({ ownerEmail, dueDate, key }, { onSuccess: renew });
  };
  const fieldError = (path: string) => issuesOf(reassign.error).find((i) => i.path === path)?.message;
  return (
    <form className={styles.stack} onSubmit={submit} aria-label="Reassign the task">
      <h3>Reassign</h3>
      <Refusal error={reassign.error} fields={['ownerEmail', 'dueDate']} />
      <TextField
        label="Owner email"
        type="email"
        value={ownerEmail}
        required
        onChange={(e) => setOwnerEmail(e.target.value)}
        error={fieldError('ownerEmail')}
      />
      <TextField
        label="Due date"
        type="date"
        hint="The workflow moves its reminders and escalation to the new date."
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={fieldError('dueDate')}
      />
      <div>
        <Button type="submit" variant="secondary" busy={reassign.isPending}>
          Reassign
        </Button>
      </div>
    </form>
  );
}

/** What the viewer may do with an open task: complete it (with its evidence) and, for managers, reassign it. */
export function TaskActions({ task }: { task: TaskDetail }) {
  if (!task.viewer.canComplete && !task.viewer.canReassign) return null;
  return (
    <Card>
      <h2>Work on this task</h2>
      {task.viewer.canComplete ? <CompleteForm task={task} /> : null}
      {task.viewer.canReassign ? <ReassignForm task={task} /> : null}
    </Card>
  );
}
