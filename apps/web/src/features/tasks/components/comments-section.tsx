import { Button, Card, ErrorSummary } from '@certflow/ui';
import { type FormEvent, useId, useState } from 'react';

import { ApiError } from '@/lib/api-error';

import { type TaskDetail, useAddComment } from '../api/get-task';
import { formatInstant } from './format';
import styles from './tasks.module.css';

/** The task's comments, oldest first, and a form for those who work on it. */
export function CommentsSection({ task }: { task: TaskDetail }) {
  const add = useAddComment(task.id);
  const [body, setBody] = useState('');
  const fieldId = useId();
  const errorId = useId();
  const fieldError = (add.error instanceof ApiError ? add.error.issues : []).find(
    (i) => i.path === 'body',
  )?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(body, { onSuccess: () => setBody('') });
  };

  return (
    <Card>
      <h2>Comments</h2>
      {task.comments.length === 0 ? <p>No comments yet.</p> : null}
      {task.comments.map((comment) => (
        <article key={comment.id} className={styles.comment}>
          <p className={styles.meta}>
            {comment.author} · {formatInstant(comment.createdAt)}
          </p>
          <p>{comment.body}</p>
        </article>
      ))}
      {task.viewer.canComment ? (
        <form className={styles.stack} onSubmit={submit} aria-label="Add a comment">
          {add.error && !fieldError ? (
            <ErrorSummary title="The comment was not saved" messages={[add.error.message]} />
          ) : null}
          <label htmlFor={fieldId}>Comment</label>
          <textarea
            id={fieldId}
            className={styles.textarea}
            value={body}
            maxLength={4000}
            required
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? errorId : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          {fieldError ? <p id={errorId}>{fieldError}</p> : null}
          <div>
            <Button type="submit" busy={add.isPending}>
              Add comment
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
