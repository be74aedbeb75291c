import { addDays, calendarDateOf } from '@certflow/contracts/domain';
import ICAL from 'ical.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@certflow/testkit';

import { hashSecret } from '../../common/secret-token.js';
import {
  createOrganizationWithAdmin,
  isoProgramBody,
  memberSession,
  type Person,
  programsPath,
  type Session,
} from '../../../test/fixtures.js';
import { type RunningStack, startRunningStack } from '../../../test/support/running-stack.js';
import { server } from '../../../test/test-app.js';
import type { Program } from '../programs/programs.schemas.js';

interface FeedEvent {
  uid: string;
  start: string;
  summary: string;
}

/** The feed's events as ical.js, an independent iCalendar parser, reads them. */
function events(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { uid: event.uid, start: event.startDate.toString(), summary: event.summary };
  });
}

// Calendar feeds over a real worker: the feed follows the read model, keeps an audit's UID when it is moved,
// and the secret URL can be rotated and revoked, each change in the audit trail.
describe('calendar feeds on a real worker', () => {
  let stack: RunningStack;
  let organizationId: string;
  let pmPerson: Person;
  let pm: Session;
  let owner: Person;
  let ownerSession: Session;
  let program: Program;
  const today = calendarDateOf(Date.now());
  const firstDay = addDays(today, 20);
  const movedDay = addDays(today, 27);

  beforeAll(async () => {
    stack = await startRunningStack();
    const world = await createOrganizationWithAdmin(stack.app);
    organizationId = world.organization.id;
    ({ person: pmPerson, session: pm } = await memberSession(
      stack.app,
      organizationId,
      'program_manager',
      'pm',
    ));
    ({ person: owner, session: ownerSession } = await memberSession(
      stack.app,
      organizationId,
      'control_owner',
      'owner',
    ));
    program = (
      await pm
        .post(programsPath(organizationId))
        .send(isoProgramBody({ name: 'AIMS', frameworks: ['iso42001'], startDate: today }))
        .expect(201)
    ).body as Program;
    await eventually(
      () => `the first projection\n${stack.workerOutput()}`,
      async () =>
        (await stack.db.prisma.program.findUnique({ where: { id: program.id } }))?.stage || undefined,
    );
    await pm
      .post(`/programs/${program.id}/actions/complete-gap-assessment`)
      .send({
        completedOn: today,
        gaps: [
          { title: 'AI impact assessment', ownerEmail: owner.email, dueDate: addDays(today, 30) },
          { title: 'Supplier review', ownerEmail: 'someone.else@acme.example', dueDate: addDays(today, 31) },
        ],
      })
      .expect(200);
    await pm
      .post(`/programs/${program.id}/actions/schedule-audit`)
      .send({ audit: 'internal-audit', date: firstDay })
      .expect(200);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const feedPath = () => `/organizations/${organizationId}/calendar-feed`;
  /** The path the API serves behind the web origin's `/api` prefix. */
  const pathOf = (url: string) => new URL(url).pathname.replace(/^\/api/, '');
  const fetchFeed = (url: string) => request(server(stack.app)).get(pathOf(url));

  it('serves the audits and tasks a person may see, and keeps an audit’s UID when it is rescheduled', async () => {
    const issued = await pm.post(feedPath()).expect(201);
    const url = (issued.body as { url: string }).url;
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /calendar\/(.+)\.ics$/.exec(url)![1]!;
    const stored = await stack.db.prisma.calendarFeed.findFirstOrThrow({
      where: { userId: pmPerson.userId },
    });
    expect(stored.tokenHash).toBe(hashSecret(token));
    expect(stored.tokenHash).not.toContain(token);

    const uid = `${program.id}-1-internal-audit@certflow`;
    const before = await eventually(
      () => `the internal audit on ${firstDay} in the feed\n${stack.workerOutput()}`,
      async () => {
        const res = await fetchFeed(url).expect(200);
        const found = events(res.text);
        return found.find((e) => e.uid === uid && e.start === firstDay) ? { res, found } : undefined;
      },
    );
    expect(before.res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(
      before.found
        .filter((e) => e.summary.startsWith('Task due'))
        .map((e) => e.summary)
        .sort(),
    ).toEqual(['Task due: AI impact assessment', 'Task due: Supplier review']);

    await pm
      .post(`/programs/${program.id}/actions/schedule-audit`)
      .send({ audit: 'internal-audit', date: movedDay })
      .expect(200);
    const after = await eventually(
      () => `the internal audit moved to ${movedDay}\n${stack.workerOutput()}`,
      async () => {
        const found = events((await fetchFeed(url).expect(200)).text);
        return found.some((e) => e.uid === uid && e.start === movedDay) ? found : undefined;
      },
    );
    expect(after.filter((e) => e.uid === uid)).toEqual([expect.objectContaining({ start: movedDay })]);
    expect(new Set(after.map((e) => e.uid)).size).toBe(after.length);
  });

  it('gives a control owner their own tasks only', async () => {
    const url = ((await ownerSession.post(feedPath()).expect(201)).body as { url: string }).url;
    const found = events((await fetchFeed(url).expect(200)).text);
    expect(found.filter((e) => e.summary.startsWith('Task due')).map((e) => e.summary)).toEqual([
      'Task due: AI impact assessment',
    ]);
  });

  it('rotates and revokes the secret URL, recording each change with its actor', async () => {
    const first = ((await pm.post(feedPath()).expect(201)).body as { url: string }).url;
    const second = (await pm.post(feedPath()).expect(201)).body as { url: string; rotatedAt: string | null };
    expect(second.rotatedAt).not.toBeNull();
    await fetchFeed(first).expect(404);
    await fetchFeed(second.url).expect(200);
    const status = (await pm.get(feedPath()).expect(200)).body as { active: boolean; prefix: string };
    expect(status.active).toBe(true);
    expect(second.url).toContain(`/calendar/${status.prefix}`);

    await pm.delete(feedPath()).expect(204);
    await fetchFeed(second.url).expect(404);
    expect((await pm.get(feedPath()).expect(200)).body).toEqual({
      active: false,
      prefix: null,
      createdAt: null,
      rotatedAt: null,
    });
    await pm.delete(feedPath()).expect(204);

    const trail = await stack.db.prisma.auditEvent.findMany({
      where: { organizationId, type: { startsWith: 'calendar-feed.' }, actor: pmPerson.email },
      orderBy: { occurredAt: 'asc' },
    });
    expect(trail.map((e) => e.type)).toEqual([
      'calendar-feed.created',
      'calendar-feed.rotated',
      'calendar-feed.rotated',
      'calendar-feed.revoked',
    ]);
    await request(server(stack.app)).get('/calendar/not-a-token.ics').expect(404);
  });
});
