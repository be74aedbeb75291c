import type { Response } from 'express';

import { compareCursors, type FeedCursor, formatCursor } from './feed-cursor.js';
import type { FeedEvent } from './feed-reader.js';
import type { FeedListener } from './live-feed.hub.js';

/** More events than this queued, or this much unsent, for one slow client: drop the connection; it resumes. */
const MAX_QUEUED = 1000;
const MAX_UNSENT_BYTES = 1024 * 1024;

export interface StreamFilter {
  /** Whether the subscriber may see this event (organisation, role, program visibility). */
  allows(event: FeedEvent): boolean | Promise<boolean>;
}

/**
 * One open `text/event-stream` response. Events are delivered strictly in feed order through one promise
 * chain (visibility checks may be asynchronous); while the catch-up read runs, live events wait in the queue.
 */
export class LiveStream implements FeedListener {
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private sent: FeedCursor;
  private closed = false;

  constructor(
    private readonly res: Response,
    private readonly filter: StreamFilter,
    from: FeedCursor,
    private readonly onOverflow: () => void,
  ) {
    this.sent = from;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Marks the stream closed; pending events are dropped. */
  close(): void {
    this.closed = true;
  }

  deliver(event: FeedEvent): void {
    if (this.closed) return;
    if (++this.queued > MAX_QUEUED) {
      this.onOverflow();
      return;
    }
    this.chain = this.chain.then(async () => {
      this.queued -= 1;
      if (this.closed || compareCursors(event.cursor, this.sent) <= 0) return;
      const visible = await this.filter.allows(event);
      if (this.closed) return;
      this.sent = event.cursor;
      if (visible) this.write(formatCursor(event.cursor), 'audit-event', publicView(event));
    });
  }

  /** Runs `work` in the delivery order (the catch-up read goes first, before anything live). */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain.then(work);
    return this.chain;
  }

  /** Sends an event in order (catch-up): skipped if already past it. */
  async replay(event: FeedEvent): Promise<void> {
    if (this.closed || compareCursors(event.cursor, this.sent) <= 0) return;
    const visible = await this.filter.allows(event);
    this.sent = event.cursor;
    if (visible && !this.closed) this.write(formatCursor(event.cursor), 'audit-event', publicView(event));
  }

  /** Moves the position forward without an event (the ready/reset markers carry it to the client). */
  advanceTo(cursor: FeedCursor): FeedCursor {
    if (compareCursors(cursor, this.sent) > 0) this.sent = cursor;
    return this.sent;
  }

  write(id: string | null, event: string, data: object): void {
    if (this.closed) return;
    const lines = `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    this.res.write(lines);
    if (this.res.writableLength > MAX_UNSENT_BYTES) this.onOverflow();
  }

  comment(text: string): void {
    if (!this.closed) this.res.write(`: ${text}\n\n`);
  }
}

/** What a client learns about an event: enough to refresh the right views; details come from the API. */
function publicView(event: FeedEvent) {
  return {
    id: event.id,
    type: event.type,
    programId: event.programId,
    taskId: event.taskId,
    actor: event.actor,
    occurredAt: event.occurredAt,
  };
}
