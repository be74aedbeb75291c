import { Button, Card, ErrorSummary, Table, type TableColumn, TextField } from '@certflow/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { ApiError } from '@/lib/api-error';

import { type EvidenceItem, type TaskDetail, taskQueryKey } from '../api/get-task';
import { uploadEvidence } from '../api/upload-evidence';
import { formatBytes, formatInstant } from './format';
import styles from './tasks.module.css';

const columns: TableColumn<EvidenceItem>[] = [
  {
    key: 'title',
    header: 'Evidence',
    // Same-origin relative link through the web app's /api; the API serves it as an attachment.
    cell: (e) => <a href={`/api/evidence/${e.id}/download`}>{e.title}</a>,
  },
  {
    key: 'file',
    header: 'File',
    cell: (e) => `${e.fileName} (${formatBytes(e.sizeBytes)}, ${e.contentType})`,
  },
  { key: 'by', header: 'Uploaded by', cell: (e) => e.uploadedBy },
  { key: 'at', header: 'When', cell: (e) => formatInstant(e.createdAt) },
];

/** The task's evidence, and an upload with progress for those who may add to it. */
export function EvidenceSection({ task }: { task: TaskDetail }) {
  const queryClient = useQueryClient();
  const [fileKey, setFileKey] = useState(0);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(new ApiError(400, 'Choose a file', [{ path: 'file', message: 'Choose a file to upload' }]));
      return;
    }
    setError(null);
    setNotice(null);
    setProgress(0);
    try {
      const result = await uploadEvidence(
        { programId: task.program.id, taskId: task.id, title, file },
        setProgress,
      );
      setNotice(
        result.duplicate
          ? 'This file was already attached to the task.'
          : result.storage === 'reused'
            ? 'Uploaded. Certflow already had these exact bytes, so it linked the stored copy.'
            : 'Uploaded.',
      );
      setTitle('');
      setFile(null);
      setFileKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: taskQueryKey(task.id) });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
    } finally {
      setProgress(null);
    }
  };

  const fieldError = (path: string) => error?.issues.find((i) => i.path === path)?.message;
  const otherErrors = error ? error.issues.filter((i) => !['file', 'title'].includes(i.path)) : [];

  return (
    <Card>
      <h2>Evidence</h2>
      <Table
        caption="Evidence for this task"
        hideCaption
        columns={columns}
        rows={task.evidence}
        rowKey={(e) => e.id}
        empty="No evidence yet."
      />
      {task.viewer.canUploadEvidence ? (
        <form className={styles.stack} onSubmit={(e) => void submit(e)} aria-label="Upload evidence">
          <h3>Add evidence</h3>
          {error && (otherErrors.length > 0 || error.issues.length === 0) ? (
            <ErrorSummary
              title="The upload did not work"
              messages={error.issues.length === 0 ? [error.message] : otherErrors.map((i) => i.message)}
            />
          ) : null}
          <TextField
            label="Title"
            hint="What this shows, e.g. “Access review, Q3”. Defaults to the file name."
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldError('title')}
          />
          <TextField
            key={fileKey}
            label="File"
            type="file"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            error={fieldError('file')}
          />
          {progress !== null ? (
            <div className={styles.progress}>
              <label htmlFor="evidence-progress">Uploading {Math.round(progress * 100)}%</label>
              <progress id="evidence-progress" max={1} value={progress} />
            </div>
          ) : null}
          {notice ? <p role="status">{notice}</p> : null}
          <div>
            <Button type="submit" busy={progress !== null}>
              Upload
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
