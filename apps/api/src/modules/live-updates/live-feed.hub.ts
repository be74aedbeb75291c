import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { PgListener } from '../../database/pg-listener.js';
import { ChangeFeed } from '../../read-cache/change-feed.js';
import { compareCursors, type FeedCursor, feedStart, laterCursor } from './feed-cursor.js';
import { type FeedEvent, FeedReader } from './feed-reader.js';

/** The channel the audit_events trigger notifies after every inserting statement. */
export const FEED_CHANNEL = 'certflow_audit_events';
const BATCH = 500;
const HELD_BACK_RETRY_MS = 100;

export interface FeedListener {
  deliver(event: FeedEvent): void;
}

/**
 * One per API process: a single LISTEN connection and a single reader of the feed, fanning each new audit
 * event out to this process's subscribers (who filter by organisation and visibility themselves). A
 * notification only says "something was inserted": the hub then reads every stable row after its cursor, so a
 * lost notification (reconnect, PGlite without LISTEN) costs at most one poll interval, never an event.
 */
@Injectable()
export class LiveFeedHub implements OnModuleDestroy {
  private readonly logger = new Logger(LiveFeedHub.name);
  private readonly reader: FeedReader;
  private readonly listeners = new Set<FeedListener>();
  private cursor: FeedCursor = feedStart;
  private starting: Promise<void> | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private listener: PgListener | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(PRISMA) prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ChangeFeed,
  ) {
    this.reader = new FeedReader(prisma);
  }

  get feed(): FeedReader {
    return this.reader;
  }

  /**
   * Adds a listener and returns the hub's cursor at that moment: the listener receives exactly the events
   * after it, so a catch-up read up to that cursor joins the live feed without a gap or a repeat.
   */
  async subscribe(listener: FeedListener): Promise<FeedCursor> {
    await (this.starting ??= this.start());
    if (this.listeners.size === 0) {
      // Nobody listened, so the cursor stood still: move it to the present instead of replaying the gap.
      const head = await this.reader.head();
      if (this.listeners.size === 0 && !this.pumping && head) this.cursor = laterCursor(this.cursor, head);
    }
    this.listeners.add(listener);
    return this.cursor;
  }

  unsubscribe(listener: FeedListener): void {
    this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    this.listeners.clear();
    await this.listener?.stop();
    await this.pumping?.catch(() => undefined);
  }

  private async start(): Promise<void> {
    this.cursor = (await this.reader.head()) ?? feedStart;
    await this.listen();
    this.pollTimer = setInterval(() => this.pump(), this.config.liveUpdates.pollMs);
    this.pollTimer.unref();
  }

  private async listen(): Promise<void> {
    const url = this.config.database.databaseUrl;
    if (!url || this.stopped) return;
    // Without LISTEN (PGlite, or while reconnecting) the poll timer still delivers everything.
    this.listener = new PgListener(
      url,
      FEED_CHANNEL,
      { notification: () => this.pump(), connected: () => this.pump(), lost: () => undefined },
      this.logger,
    );
    await this.listener.start();
  }

  /** Reads every stable row after the cursor and hands it out; concurrent calls coalesce into one more round. */
  private pump(): void {
    if (this.stopped || this.listeners.size === 0) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.drain()
      .catch((error: unknown) => this.logger.warn(`reading the live feed failed: ${String(error)}`))
      .finally(() => {
        this.pumping = undefined;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.pump();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const { events, heldBack } = await this.reader.after(this.cursor, BATCH);
      this.organizationsChanged(events);
      for (const event of events) {
        if (compareCursors(event.cursor, this.cursor) <= 0) continue;
        this.cursor = event.cursor;
        for (const listener of this.listeners) listener.deliver(event);
      }
      if (heldBack) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.pump(), HELD_BACK_RETRY_MS);
        this.retryTimer.unref();
      }
      if (events.length < BATCH || heldBack) return;
    }
  }

  /**
   * Pages reload their data when an event arrives. The read cache hears of the same commit on its own
   * connection, possibly later: told here first, it never answers such a reload from before the event.
   */
  private organizationsChanged(events: FeedEvent[]): void {
    const organizations = new Set(events.map((e) => e.organizationId));
    for (const organizationId of organizations) {
      if (organizationId) this.changes.organizationChanged(organizationId);
    }
  }
}
