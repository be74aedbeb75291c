import { Inject, Injectable } from '@nestjs/common';
import { can } from '@certflow/contracts/access';
import { type ScheduleItem, scheduleItems } from '@certflow/contracts/domain';
import type { PrismaClient } from '@certflow/db';
import type { z } from 'zod';

import { actorOf, type Caller } from '../../access/principal.js';
import { AuditTrail } from '../../audit/audit-trail.js';
import { CLOCK, type Clock } from '../../common/clock.js';
import { ForbiddenError, NotFoundError } from '../../common/domain-errors.js';
import { hashSecret, newSecret } from '../../common/secret-token.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { ScheduleSource } from '../schedule/schedule-source.js';
import type { calendarFeedSchema, issuedCalendarFeedSchema } from './calendar-feeds.schemas.js';
import { type IcsEvent, writeIcs } from './ics.js';

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

const statusWords: Record<string, string> = {
  actual: 'held',
  scheduled: 'scheduled',
  due: 'due',
  earliest: 'window opens',
};

/** One schedule item as a calendar event; the UID is the item's id, which survives every reschedule. */
function itemEvent(item: ScheduleItem & { date: string }): IcsEvent {
  const lines = [`${item.programName} (${item.frameworks.join(', ')}), cycle ${item.cycle}.`];
  if (item.mustMeet) lines.push(`Must take place by ${item.mustMeet.date} (${item.mustMeet.rule}).`);
  return {
    uid: `${item.programId}-${item.cycle}-${item.kind}@certflow`,
    date: item.date,
    summary: `${item.programName}: ${item.kind} (${statusWords[item.dateSource ?? 'due']})`,
    description: lines.join('\n'),
    categories: [item.category],
  };
}

/**
 * Calendar subscriptions: each person may hold one secret feed URL per organisation (stored hashed, rotatable,
 * revocable, every change in the audit trail). The feed carries the audits, deadlines and tasks that person may
 * see now, read with their current role, so a role change or removal takes effect on the next refresh.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
    private readonly source: ScheduleSource,
  ) {}

  private userOf(caller: Caller) {
    if (caller.principal.kind !== 'user')
      throw new ForbiddenError('people_only', 'Calendar feeds are personal');
    return caller.principal;
  }

  async status(caller: Caller): Promise<z.infer<typeof calendarFeedSchema>> {
    const user = this.userOf(caller);
    const feed = await this.prisma.calendarFeed.findUnique({
      where: { organizationId_userId: { organizationId: caller.organizationId, userId: user.userId } },
    });
    return {
      active: feed !== null,
      prefix: feed?.prefix ?? null,
      createdAt: iso(feed?.createdAt),
      rotatedAt: iso(feed?.rotatedAt),
    };
  }

  /** A new secret URL: the first one, or a rotation that stops the old URL at once. */
  async issue(caller: Caller): Promise<z.infer<typeof issuedCalendarFeedSchema>> {
    const user = this.userOf(caller);
    const token = newSecret();
    const data = { tokenHash: hashSecret(token), prefix: token.slice(0, 6) };
    const key = { organizationId: caller.organizationId, userId: user.userId };
    const feed = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.calendarFeed.findUnique({ where: { organizationId_userId: key } });
      const row = existing
        ? await tx.calendarFeed.update({
            where: { id: existing.id },
            data: { ...data, rotatedAt: this.clock.now() },
          })
        : await tx.calendarFeed.create({ data: { ...key, ...data } });
      await this.audit.record(
        {
          type: existing ? 'calendar-feed.rotated' : 'calendar-feed.created',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
          payload: { feedId: row.id, prefix: row.prefix },
        },
        tx,
      );
      return row;
    });
    return {
      active: true,
      prefix: feed.prefix,
      createdAt: iso(feed.createdAt),
      rotatedAt: iso(feed.rotatedAt),
      url: `${this.config.auth.publicWebUrl}/api/calendar/${token}.ics`,
    };
  }

  /** Stops the URL; revoking a feed that does not exist changes nothing. */
  async revoke(caller: Caller): Promise<void> {
    const user = this.userOf(caller);
    await this.prisma.$transaction(async (tx) => {
      const removed = await tx.calendarFeed.deleteMany({
        where: { organizationId: caller.organizationId, userId: user.userId },
      });
      if (removed.count === 0) return;
      await this.audit.record(
        {
          type: 'calendar-feed.revoked',
          actor: actorOf(caller.principal),
          organizationIds: [caller.organizationId],
        },
        tx,
      );
    });
  }

  /** The feed behind a secret URL, as the person who owns it would see the schedule now. */
  async feed(file: string): Promise<string> {
    const token = FEED_FILE.exec(file)?.[1];
    const feed = token
      ? await this.prisma.calendarFeed.findUnique({
          where: { tokenHash: hashSecret(token) },
          include: { user: true, organization: true },
        })
      : null;
    const membership = feed
      ? await this.prisma.membership.findUnique({
          where: { organizationId_userId: { organizationId: feed.organizationId, userId: feed.userId } },
        })
      : null;
    // Unknown, revoked, rotated away, or its owner left the organisation: all look the same.
    if (!feed || !membership) throw new NotFoundError('Calendar feed', 'for this link');
    const now = this.clock.now();
    const caller: Caller = {
      organizationId: feed.organizationId,
      role: membership.role,
      principal: {
        kind: 'user',
        userId: feed.userId,
        email: feed.user.email,
        name: feed.user.name,
        sessionId: `calendar-feed:${feed.id}`,
        method: 'calendar-feed',
        ssoOrganizationId: null,
        expiresAt: now,
      },
    };
    const input = await this.source.load(caller);
    const items = scheduleItems(input.programs, input.milestones).filter(
      (i): i is ScheduleItem & { date: string } => i.date !== null && i.category !== 'period',
    );
    const names = new Map(input.programs.map((p) => [p.id, p.name]));
    const email = feed.user.email.toLowerCase();
    // Managers follow every open task of their programs; everyone else the tasks they own.
    const tasks = input.tasks.filter(
      (t) => can(caller.role, 'tasks.assign') || t.ownerEmail.toLowerCase() === email,
    );
    const taskRows = await this.prisma.remediationTask.findMany({
      where: { id: { in: tasks.map((t) => t.id) } },
      select: { id: true, title: true },
    });
    const titles = new Map(taskRows.map((t) => [t.id, t.title]));
    return writeIcs({
      name: `Certflow: ${feed.organization.name}`,
      generatedAt: now,
      events: [
        ...items.map(itemEvent),
        ...tasks.map((t): IcsEvent => ({
          uid: `task-${t.id}@certflow`,
          date: t.dueDate,
          summary: `Task due: ${titles.get(t.id) ?? t.id}`,
          description: `${names.get(t.programId) ?? ''}\nOwner: ${t.ownerEmail}`,
          categories: ['task'],
        })),
      ],
    });
  }
}
