import { Inject, Injectable } from '@nestjs/common';
import { can } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';
import type { Request, Response } from 'express';

import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { TooManyRequestsError } from '../../common/domain-errors.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { compareCursors, type FeedCursor, formatCursor, parseCursor } from './feed-cursor.js';
import type { FeedEvent } from './feed-reader.js';
import { LiveFeedHub } from './live-feed.hub.js';
import { LiveStream, type StreamFilter } from './live-stream.js';

/** A client further behind than this is told to reload (`reset`) instead of being replayed event by event. */
const CATCH_UP_MAX = 1000;
/** Open streams per session or API token in one process (a browser holds one per signed-in organisation). */
const MAX_STREAMS_PER_PRINCIPAL = 10;
/** How long "not visible" is remembered for a program, per stream. */
const NEGATIVE_VISIBILITY_MS = 5000;

/**
 * Server-sent events of an organisation's audit trail, filtered per subscriber by what they may see:
 * organisation events only for those who read security events (admins), program events for the programs
 * visible to them (ProgramVisibility). `Last-Event-ID` resumes from the database; heartbeats keep proxies open;
 * the stream ends when the session ends, the membership goes or the role changes (the client reconnects).
 */
@Injectable()
export class LiveUpdatesService {
  private readonly openPerPrincipal = new Map<string, number>();

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly hub: LiveFeedHub,
    private readonly visibility: ProgramVisibility,
  ) {}

  async open(caller: Caller, req: Request, res: Response, lastEventId: string | undefined): Promise<void> {
    const resumeFrom = lastEventId ? parseCursor(lastEventId, 'Last-Event-ID') : undefined;
    const key = principalKey(caller);
    const open = this.openPerPrincipal.get(key) ?? 0;
    if (open >= MAX_STREAMS_PER_PRINCIPAL) {
      throw new TooManyRequestsError('Too many live-update streams open for this session', 30);
    }
    this.openPerPrincipal.set(key, open + 1);

    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n\n');

    const filter = this.filterFor(caller);
    const timers: NodeJS.Timeout[] = [];
    // Subscribing first and reading the gap second leaves nothing out: the hub hands this stream every event
    // after `live`, the catch-up reads (resumeFrom, live], and the stream drops anything it already sent.
    const stream: LiveStream = new LiveStream(res, filter, resumeFrom ?? { txId: 0n, position: 0n }, () =>
      end(),
    );
    const end = () => {
      if (stream.isClosed) return;
      stream.close();
      this.hub.unsubscribe(stream);
      timers.forEach(clearInterval);
      const left = (this.openPerPrincipal.get(key) ?? 1) - 1;
      if (left > 0) this.openPerPrincipal.set(key, left);
      else this.openPerPrincipal.delete(key);
      res.end();
    };

    req.on('close', end);
    try {
      await this.startStream(caller, stream, resumeFrom);
    } catch (error) {
      // Headers are sent: end the stream; the client reconnects with its last id.
      end();
      throw error;
    }
    if (stream.isClosed) {
      this.hub.unsubscribe(stream);
      return;
    }
    const { heartbeatMs, recheckMs } = this.config.liveUpdates;
    timers.push(setInterval(() => stream.comment('heartbeat'), heartbeatMs));
    timers.push(
      setInterval(() => {
        void this.stillAllowed(caller).then(
          (allowed) => (allowed ? filter.forget() : end()),
          () => undefined,
        );
      }, recheckMs),
    );
  }

  private async startStream(caller: Caller, stream: LiveStream, resumeFrom: FeedCursor | undefined) {
    const live = await this.hub.subscribe(stream);
    await stream.enqueue(async () => {
      if (!resumeFrom || compareCursors(resumeFrom, live) >= 0) {
        const at = stream.advanceTo(live);
        stream.write(formatCursor(at), 'ready', { cursor: formatCursor(at) });
        return;
      }
      const missed = await this.hub.feed.between(caller.organizationId, resumeFrom, live, CATCH_UP_MAX + 1);
      if (missed.length > CATCH_UP_MAX) {
        // Too far behind to replay: the client reloads what it shows, then follows from here.
        const at = stream.advanceTo(live);
        stream.write(formatCursor(at), 'reset', { cursor: formatCursor(at) });
        return;
      }
      for (const event of missed) await stream.replay(event);
      const at = stream.advanceTo(live);
      stream.write(formatCursor(at), 'ready', { cursor: formatCursor(at) });
    });
  }

  /** The session (without extending it), the membership and the role as when the stream opened. */
  private async stillAllowed(caller: Caller): Promise<boolean> {
    const now = this.clock.now().getTime();
    const { principal } = caller;
    if (principal.kind === 'token') {
      const token = await this.prisma.apiToken.findUnique({ where: { id: principal.tokenId } });
      return !!token && !token.revokedAt && (!token.expiresAt || token.expiresAt.getTime() > now);
    }
    const [session, membership] = await Promise.all([
      this.prisma.session.findUnique({ where: { id: principal.sessionId } }),
      this.prisma.membership.findUnique({
        where: { organizationId_userId: { organizationId: caller.organizationId, userId: principal.userId } },
      }),
    ]);
    return (
      !!session &&
      session.expiresAt.getTime() > now &&
      session.lastSeenAt.getTime() + this.config.auth.idleMs > now &&
      membership?.role === caller.role
    );
  }

  private filterFor(caller: Caller): StreamFilter & { forget(): void } {
    const seesOrganizationEvents = can(caller.role, 'security-events.read');
    const wholeOrganization = this.visibility.seesWholeOrganization(caller);
    const visible = new Map<string, { visible: boolean; at: number }>();
    return {
      forget: () => visible.clear(),
      allows: async (event: FeedEvent) => {
        if (event.organizationId !== caller.organizationId) return false;
        if (!event.programId) return seesOrganizationEvents;
        if (wholeOrganization) return true;
        const known = visible.get(event.programId);
        const now = Date.now();
        // A task event may be the one that makes a program visible to a control owner: always look again.
        const fresh =
          known &&
          (known.visible || (now - known.at < NEGATIVE_VISIBILITY_MS && !event.type.startsWith('task.')));
        if (known && fresh) return known.visible;
        const count = await this.prisma.program.count({
          where: { AND: [{ id: event.programId }, this.visibility.where(caller)] },
        });
        visible.set(event.programId, { visible: count > 0, at: now });
        return count > 0;
      },
    };
  }
}

function principalKey(caller: Caller): string {
  return caller.principal.kind === 'user'
    ? `session:${caller.principal.sessionId}`
    : `token:${caller.principal.tokenId}`;
}
