import type { Logger } from '@nestjs/common';
import pg from 'pg';

const RECONNECT_MS = 1000;

export interface ListenerEvents {
  /** A NOTIFY on the channel, with its payload. */
  notification(payload: string): void;
  /** LISTEN is in place (again): notifications flow from now on; anything before may have been missed. */
  connected(): void;
  /** The connection is gone; notifications are missed until `connected` is called again. */
  lost(): void;
}

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel and comes back by itself after the server
 * restarts or the network drops. Notifications are missed while it is away, so users of it treat `connected`
 * as "anything may have happened" (re-read, forget caches).
 */
export class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly events: ListenerEvents,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    const lost = (reason: unknown) => {
      if (this.client !== client || this.stopped) return;
      this.client = undefined;
      this.logger.warn(`LISTEN ${this.channel} lost (${String(reason)}); reconnecting`);
      this.events.lost();
      client.end().catch(() => undefined);
      setTimeout(() => void this.start(), RECONNECT_MS).unref();
    };
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.events.notification(message.payload ?? '');
    });
    client.on('error', lost);
    client.on('end', () => lost('ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      this.client = client;
      this.events.connected();
    } catch (error) {
      this.logger.warn(`LISTEN ${this.channel} unavailable (${String(error)}); trying again`);
      await client.end().catch(() => undefined);
      setTimeout(() => void this.start(), RECONNECT_MS * 5).unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
