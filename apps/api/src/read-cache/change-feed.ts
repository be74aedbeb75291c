import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PgListener } from '../database/pg-listener.js';

/** The channel the change triggers notify (migration 20261201060000_change_notifications). */
export const CHANGES_CHANNEL = 'certflow_changes';
const ORGANIZATION_PREFIX = 'organization:';

/**
 * What changed, as this process heard it, for its caches (ADR 0020). Every change moves a counter; a reader
 * takes a `mark()` before it reads, and what it read is still current while nothing it depends on changed after
 * that mark. Changes come from PostgreSQL's triggers (any writer, any process) and, without waiting for the
 * notification, from this process's own requests. Nothing counts as unchanged while the LISTEN connection is
 * down (PGlite has none): caches then simply miss.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChangeFeed.name);
  private counter = 0;
  private readonly organizations = new Map<string, number>();
  private accessChangedAt = 0;
  private everythingChangedAt = 0;
  private live = false;
  private listener: PgListener | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const url = this.config.database.databaseUrl;
    if (!url) return;
    this.listener = new PgListener(
      url,
      CHANGES_CHANNEL,
      {
        notification: (payload) => this.heard(payload),
        connected: () => {
          // Whatever happened while nobody listened is unknown: forget it all, then trust notifications.
          this.everythingChanged();
          this.live = true;
        },
        lost: () => {
          this.live = false;
          this.everythingChanged();
        },
      },
      this.logger,
    );
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.live = false;
    await this.listener?.stop();
  }

  /** Taken before reading: the position to compare later changes against. */
  mark(): number {
    return this.counter;
  }

  organizationChanged(organizationId: string): void {
    this.organizations.set(organizationId, ++this.counter);
  }

  accessChanged(): void {
    this.accessChangedAt = ++this.counter;
  }

  /** Whether nothing of the organisation changed since `mark` (and the feed was listening throughout). */
  organizationUnchangedSince(organizationId: string, mark: number): boolean {
    return (
      this.live && this.everythingChangedAt <= mark && (this.organizations.get(organizationId) ?? 0) <= mark
    );
  }

  /** Whether no session, person, role, grant or sign-on setting changed since `mark`. */
  accessUnchangedSince(mark: number): boolean {
    return this.live && this.everythingChangedAt <= mark && this.accessChangedAt <= mark;
  }

  private heard(payload: string): void {
    if (payload === 'access') this.accessChanged();
    else if (payload.startsWith(ORGANIZATION_PREFIX)) {
      this.organizationChanged(payload.slice(ORGANIZATION_PREFIX.length));
    } else this.everythingChanged();
  }

  private everythingChanged(): void {
    this.everythingChangedAt = ++this.counter;
    // Every entry is older than the mark just set, so the per-organisation marks say nothing more.
    this.organizations.clear();
  }
}
