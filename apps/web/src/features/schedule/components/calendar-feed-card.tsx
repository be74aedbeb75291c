import { Button, Card, ErrorSummary } from '@certflow/ui';
import { useState } from 'react';

import { useCalendarFeed, useIssueCalendarFeed } from '../api/schedule-api';
import styles from '../routes/schedule.module.css';

/** The person's own ICS subscription: the URL is shown once when issued; rotating stops the previous one. */
export function CalendarFeedCard({ organizationId }: { organizationId: string }) {
  const feed = useCalendarFeed(organizationId);
  const issue = useIssueCalendarFeed(organizationId);
  const [copied, setCopied] = useState(false);
  const url = issue.data?.url;
  return (
    <Card title="Calendar feed">
      {feed.isError ? (
        <ErrorSummary title="Could not load your feed" messages={[feed.error.message]} />
      ) : null}
      <p>
        {feed.data?.active
          ? `Your feed link starting ${feed.data.prefix}… is active. Rotating it stops the old link at once.`
          : 'Subscribe to your audits, deadlines and tasks from Google Calendar, Outlook or Apple Calendar.'}
      </p>
      {url ? (
        <div className={styles.inline}>
          <label className={styles.feedLabel}>
            Feed URL (shown once)
            <input readOnly value={url} className={styles.feedUrl} onFocus={(e) => e.target.select()} />
          </label>
          <Button
            variant="secondary"
            onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
          >
            Copy link
          </Button>
          {copied ? <span role="status">Copied.</span> : null}
        </div>
      ) : null}
      <Button
        busy={issue.isPending}
        onClick={() => issue.mutate(undefined, { onSuccess: () => setCopied(false) })}
      >
        {feed.data?.active ? 'Rotate link' : 'Create link'}
      </Button>
      {issue.isError ? (
        <ErrorSummary title="Could not issue the link" messages={[issue.error.message]} />
      ) : null}
    </Card>
  );
}
