import { addDays, addMonths, addYears, calendarDateOf, isoWeekOf } from '@certflow/contracts/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '@certflow/testkit';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  memberSession,
  programsPath,
  type Session,
} from '../../../test/fixtures.js';
import { type RunningStack, startRunningStack } from '../../../test/support/running-stack.js';
import { changesHeard } from '../../../test/support/changes-heard.js';
import type { Program } from '../programs/programs.schemas.js';
import type { CombinedScheduleView, WhatIfResultView } from './schedule.schemas.js';

type Schedule = CombinedScheduleView;

/** The first Monday on or after `day`. */
function mondayFrom(day: string): string {
  let d = day;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
  return d;
}

// The combined schedule over a real worker: programs imported from certificates the organisation holds, their
// audits scheduled through the workflows, the read model the worker projects, and the suggestion accepted back
// through the workflows.
describe('the combined schedule on a real worker', () => {
  let stack: RunningStack;
  let organizationId: string;
  let pm: Session;
  let executive: Session;
  const today = calendarDateOf(Date.now());
  const recertificationDay = mondayFrom(addDays(today, 90));
  let isms: Program;
  let aims: Program;
  let other: Program;

  const settings = { personsInScope: 120, terms: { currency: 'EUR', dayRate: 1500 } };

  const createProgram = async (session: Session, organization: string, body: object) => {
    const program = (await session.post(programsPath(organization)).send(body).expect(201)).body as Program;
    await eventually(
      () => `the first projection of ${program.id}\n${stack.workerOutput()}`,
      async () =>
        (await stack.db.prisma.programMilestone.count({ where: { programId: program.id } })) > 0 || undefined,
    );
    return program;
  };
  // ISO/IEC 27001 in its third year: both surveillance audits held, the certificate expires in 200 days.
  const ismsBody = (name: string, certificationBody: string) => {
    const expiry = addDays(today, 200);
    const cycleStart = addDays(addYears(expiry, -3), 1);
    return isoProgramBody({
      name,
      frameworks: ['iso27001'],
      startDate: today,
      config: { certificationBody },
      settings,
      existingCertificate: {
        certificateNumber: `${name}-1`,
        decisionDate: cycleStart,
        expiryDate: expiry,
        surveillanceAudits: [
          { audit: 'surveillance1', lastDay: addMonths(cycleStart, 11) },
          { audit: 'surveillance2', lastDay: addMonths(cycleStart, 23) },
        ],
      },
    });
  };
  // ISO/IEC 42001 certified ten months ago: surveillance 1 due within 12 months.
  const aimsBody = (name: string, certificationBody: string) => {
    const decisionDate = addMonths(today, -10);
    return isoProgramBody({
      name,
      frameworks: ['iso42001'],
      startDate: today,
      config: { certificationBody },
      settings: { ...settings, aiPersonsInScope: 8, aiRoles: ['provider'] },
      existingCertificate: {
        certificateNumber: `${name}-1`,
        decisionDate,
        expiryDate: addDays(addYears(decisionDate, 3), -1),
      },
    });
  };

  beforeAll(async () => {
    stack = await startRunningStack();
    const world = await createOrganizationWithAdmin(stack.app);
    organizationId = world.organization.id;
    ({ session: pm } = await memberSession(stack.app, organizationId, 'program_manager', 'pm'));
    ({ session: executive } = await memberSession(stack.app, organizationId, 'executive', 'exec'));

    const create = (body: object) => createProgram(pm, organizationId, body);
    isms = await create(ismsBody('ISMS', 'Example CB'));
    aims = await create(aimsBody('AIMS', 'Example CB'));
    // Another standard's program with another body, audited in the same week as the recertification.
    const otherDecision = addMonths(today, -6);
    other = await create(
      isoProgramBody({
        name: 'Subsidiary ISMS',
        frameworks: ['iso27001'],
        startDate: today,
        config: { certificationBody: 'Other CB' },
        settings,
        existingCertificate: {
          certificateNumber: 'SUB-1',
          decisionDate: otherDecision,
          expiryDate: addDays(addYears(otherDecision, 3), -1),
        },
      }),
    );
    await pm
      .post(`/programs/${isms.id}/actions/schedule-audit`)
      .send({ audit: 'recertification', date: recertificationDay })
      .expect(200);
    await pm
      .post(`/programs/${other.id}/actions/schedule-audit`)
      .send({ audit: 'surveillance1', date: addDays(recertificationDay, 2) })
      .expect(200);
    await eventually(
      () => `the scheduled audits in the read model\n${stack.workerOutput()}`,
      async () =>
        (await stack.db.prisma.programMilestone.count({
          where: {
            OR: [
              { programId: isms.id, kind: 'recertification' },
              { programId: other.id, kind: 'surveillance1' },
            ],
            scheduled: { not: null },
          },
        })) === 2 || undefined,
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const schedulePath = () => `/organizations/${organizationId}/schedule`;
  const combined = async (session: Session, query = '') =>
    (await session.get(`${schedulePath()}/combined${query}`).expect(200)).body as Schedule;

  it('shows every program’s audits with their deadlines, the regulatory dates, a same-week clash and a suggestion', async () => {
    const schedule = await combined(executive);
    expect(schedule.today).toBe(today);
    const recert = schedule.items.find((i) => i.id === `${isms.id}:1:recertification`);
    expect(recert).toMatchObject({
      date: recertificationDay,
      dateSource: 'scheduled',
      mustMeet: { date: addDays(today, 200), rule: 'certificate-expiry' },
    });
    const surveillance = schedule.items.find((i) => i.programId === aims.id && i.kind === 'surveillance1')!;
    expect(surveillance.mustMeet?.rule).toBe('surveillance1-due');

    expect(schedule.conflicts).toContainEqual(
      expect.objectContaining({
        id: `audits-same-week:${isoWeekOf(recertificationDay)}`,
        kind: 'audits-same-week',
        programIds: [isms.id, other.id],
      }),
    );
    const [suggestion, ...more] = schedule.suggestions;
    expect(more).toEqual([]);
    expect(suggestion).toMatchObject({
      certificationBody: 'Example CB',
      // The recertification's day is past surveillance 1's deadline: the combined audit is pulled back to it.
      date: surveillance.deadline,
      appliedReductionPercent: 20,
      acceptableBy: ['admin', 'program_manager'],
      canAccept: false,
      currency: 'EUR',
    });
    expect(suggestion!.audits.map((a) => a.programId).sort()).toEqual([isms.id, aims.id].sort());
    expect(suggestion!.daysSaved).toBeGreaterThan(0);
    expect(suggestion!.daysSaved!).toBeLessThanOrEqual(0.2 * suggestion!.separateDays! + 0.5);
    expect(suggestion!.costSaved).toBe(suggestion!.daysSaved! * 1500);

    const eu = schedule.regulatoryDates.find((d) => d.id === 'eu-ai-act:annex-iii-2026');
    expect(eu).toMatchObject({ status: 'superseded', supersededBy: 'eu-ai-act:annex-iii-omnibus-2027' });
    expect(schedule.regulatoryDates).toContainEqual(
      expect.objectContaining({ id: 'colorado-ai-act:sb24-205', status: 'repealed_never_effective' }),
    );
  });

  it('filters by framework, program and date range, and names a bad filter', async () => {
    const aimsOnly = await combined(executive, '?framework=iso42001');
    expect(new Set(aimsOnly.items.map((i) => i.programId))).toEqual(new Set([aims.id]));
    expect(aimsOnly.conflicts).toEqual([]);
    const one = await combined(executive, `?programId=${other.id}`);
    expect(new Set(one.items.map((i) => i.programId))).toEqual(new Set([other.id]));
    const week = await combined(
      executive,
      `?from=${recertificationDay}&to=${addDays(recertificationDay, 6)}`,
    );
    expect(week.items.map((i) => i.kind).sort()).toEqual(['recertification', 'surveillance1']);
    expect(week.regulatoryDates.every((d) => d.date >= recertificationDay)).toBe(true);
    const bad = await executive.get(`${schedulePath()}/combined?from=2027-02-30`).expect(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    const reversed = await executive
      .get(`${schedulePath()}/combined?from=2027-03-01&to=2027-02-01`)
      .expect(400);
    expect(JSON.stringify(reversed.body)).toContain('to');
  });

  it('flags a control owner with more open tasks due in one ISO week than the limit', async () => {
    // Read-model rows as the worker projects them (the rule under test reads them; no workflow is involved).
    const monday = mondayFrom(addDays(today, 40));
    await stack.db.prisma.remediationTask.createMany({
      data: [0, 1, 2, 3, 4, 6].map((offset, n) => ({
        programId: n % 2 ? isms.id : aims.id,
        organizationId,
        ownerEmail: n % 2 ? 'Busy.Owner@acme.example' : 'busy.owner@acme.example',
        title: `Busy task ${n}`,
        dueDate: new Date(`${addDays(monday, offset)}T00:00:00Z`),
      })),
    });
    await changesHeard(stack.app, stack.db.prisma);
    const overloaded = (s: Schedule) => s.conflicts.filter((c) => c.kind === 'owner-overloaded');
    const [busy, ...others] = overloaded(await combined(executive, '?ownerWeeklyTaskLimit=5'));
    expect(others).toEqual([]);
    expect(busy).toMatchObject({ ownerEmail: 'busy.owner@acme.example', date: monday });
    expect(busy!.programIds.sort()).toEqual([isms.id, aims.id].sort());
    expect(overloaded(await combined(executive, '?ownerWeeklyTaskLimit=6'))).toEqual([]);
    expect(overloaded(await combined(executive))).toEqual(
      overloaded(await combined(executive, '?ownerWeeklyTaskLimit=5')),
    );
    await stack.db.prisma.remediationTask.deleteMany({ where: { title: { startsWith: 'Busy task' } } });
    await changesHeard(stack.app, stack.db.prisma);
  });

  it('answers a what-if without changing anything', async () => {
    const itemId = `${aims.id}:1:surveillance1`;
    const before = {
      milestones: await stack.db.prisma.programMilestone.findMany({ orderBy: { id: 'asc' } }),
      events: await stack.db.prisma.auditEvent.count(),
    };
    const schedule = await combined(pm);
    const deadline = schedule.items.find((i) => i.id === itemId)!.deadline!;
    const late = addDays(deadline, 3);
    const result = (
      await executive.post(`${schedulePath()}/what-if`).send({ itemId, date: late }).expect(200)
    ).body as WhatIfResultView;
    expect(result.refusals.map((r) => r.rule)).toEqual(['surveillance1-due']);
    expect(result.missedDeadlines).toEqual([{ itemId, rule: 'surveillance1-due', deadline, daysLate: 3 }]);
    expect(result.conflictsAdded.map((c) => c.kind)).toEqual(['audit-after-deadline']);
    // Nothing was written: the read model, the trail and the workflow's own state are as they were.
    expect(await stack.db.prisma.programMilestone.findMany({ orderBy: { id: 'asc' } })).toEqual(
      before.milestones,
    );
    expect(await stack.db.prisma.auditEvent.count()).toBe(before.events);
    const state = (await pm.get(`/programs/${aims.id}`).expect(200)).body as {
      state: { workflow: { audits: Record<string, unknown> } };
    };
    expect(state.state.workflow.audits.surveillance1).toBeUndefined();

    const unknown = await executive
      .post(`${schedulePath()}/what-if`)
      .send({ itemId: 'x:1:y', date: late })
      .expect(400);
    expect(JSON.stringify(unknown.body)).toContain('itemId');
    const deadlineItem = `${aims.id}:1:certificate-expiry`;
    await executive.post(`${schedulePath()}/what-if`).send({ itemId: deadlineItem, date: late }).expect(400);
  });

  it('prices the saving at the day rate in force once the certification body’s terms change', async () => {
    for (const program of [isms, aims]) {
      await pm
        .post(`/programs/${program.id}/actions/change-settings`)
        .send({
          settings: { terms: { currency: 'EUR', dayRate: 2000 } },
          reason: 'The new quote of Example CB',
        })
        .expect(200);
    }
    const repriced = await eventually(
      () => `the suggestion priced at 2,000 a day\n${stack.workerOutput()}`,
      async () => {
        const [suggestion] = (await combined(executive)).suggestions;
        return suggestion?.daysSaved && suggestion.costSaved === suggestion.daysSaved * 2000
          ? suggestion
          : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(repriced.daysSaved).toBeGreaterThan(0);
  });

  it('lets the program manager, not the executive, accept the suggestion through both workflows', async () => {
    const [suggestion] = (await combined(pm)).suggestions;
    expect(suggestion!.canAccept).toBe(true);
    await executive
      .post(`${schedulePath()}/accept-suggestion`)
      .send({ suggestionId: suggestion!.id })
      .expect(403);
    const outside = await pm
      .post(`${schedulePath()}/accept-suggestion`)
      .send({ suggestionId: suggestion!.id, date: addDays(suggestion!.window.to, 1) })
      .expect(422);
    expect(outside.body).toMatchObject({ rule: 'integrated-audit-window', field: 'date' });

    const accepted = await pm
      .post(`${schedulePath()}/accept-suggestion`)
      .send({ suggestionId: suggestion!.id })
      .expect(200);
    expect(accepted.body).toMatchObject({ suggestionId: suggestion!.id, date: suggestion!.date });

    // Both workflows scheduled their audit and said who did it; the read model follows.
    const scheduled = await eventually(
      () => `both audits on ${suggestion!.date}\n${stack.workerOutput()}`,
      async () => {
        const rows = await stack.db.prisma.programMilestone.findMany({
          where: {
            OR: [
              { programId: isms.id, kind: 'recertification' },
              { programId: aims.id, kind: 'surveillance1' },
            ],
          },
        });
        return rows.length === 2 && rows.every((r) => r.scheduled?.toISOString().startsWith(suggestion!.date))
          ? rows
          : undefined;
      },
    );
    expect(scheduled).toHaveLength(2);
    const events = await stack.db.prisma.auditEvent.findMany({
      where: {
        programId: { in: [isms.id, aims.id] },
        type: 'audit.scheduled',
        payload: { path: ['date'], equals: suggestion!.date },
      },
    });
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set([events[0]!.actor]));
    expect(events[0]!.actor).toContain('pm');

    const after = await combined(executive);
    expect(after.suggestions).toEqual([]);
    // The recertification left the clash's week, so that conflict is gone too.
    expect(after.conflicts.filter((c) => c.kind === 'audits-same-week')).toEqual([]);
    const again = await pm
      .post(`${schedulePath()}/accept-suggestion`)
      .send({ suggestionId: suggestion!.id })
      .expect(409);
    expect(again.body).toMatchObject({ rule: 'suggestion-not-offered' });
  });

  it('gives the first audit its own day back when the second workflow refuses the combined one', async () => {
    // Another organisation with the same pair, each audit already scheduled on its own day.
    const world = await createOrganizationWithAdmin(stack.app);
    const org = world.organization.id;
    const { session: manager } = await memberSession(stack.app, org, 'program_manager', 'rollback-pm');
    const pair = [
      {
        program: await createProgram(manager, org, ismsBody('ISMS 2', 'Rollback CB')),
        audit: 'recertification',
      },
      {
        program: await createProgram(manager, org, aimsBody('AIMS 2', 'Rollback CB')),
        audit: 'surveillance1',
      },
    ].map((p, n) => ({ ...p, ownDay: n === 0 ? recertificationDay : addDays(today, 45) }));
    for (const { program, audit, ownDay } of pair) {
      await manager
        .post(`/programs/${program.id}/actions/schedule-audit`)
        .send({ audit, date: ownDay })
        .expect(200);
    }
    const scheduledOn = async ({ program, audit }: (typeof pair)[number]) =>
      calendarDateOf(
        (
          await stack.db.prisma.programMilestone.findFirst({ where: { programId: program.id, kind: audit } })
        )?.scheduled?.getTime() ?? 0,
      );
    await eventually(
      () => `both audits on their own days in the read model\n${stack.workerOutput()}`,
      async () => (await Promise.all(pair.map(scheduledOn))).every((day, n) => day === pair[n]!.ownDay),
    );
    const [suggestion] = (
      (await manager.get(`/organizations/${org}/schedule/combined`).expect(200)).body as Schedule
    ).suggestions;
    const [first, second] = suggestion!.audits.map((a) => pair.find((p) => p.program.id === a.programId)!);
    expect(suggestion!.date).not.toBe(first!.ownDay);

    // The second program's workflow ends behind the API's back: the read model still offers the pair.
    await stack.env.client.workflow.getHandle(second!.program.workflowId).terminate('ended by the test');
    const refused = await manager
      .post(`/organizations/${org}/schedule/accept-suggestion`)
      .send({ suggestionId: suggestion!.id })
      .expect(409);
    expect(JSON.stringify(refused.body)).toContain('has no running workflow');

    // The first workflow took the combined day, then its own day again; its trail shows both, with the actor.
    const trail = await eventually(
      () => `the first audit given its own day back\n${stack.workerOutput()}`,
      async () => {
        const events = await stack.db.prisma.auditEvent.findMany({
          where: { programId: first!.program.id, type: 'audit.scheduled' },
          orderBy: { sequence: 'asc' },
        });
        return events.length === 3 && (await scheduledOn(first!)) === first!.ownDay ? events : undefined;
      },
    );
    expect(trail.map((e) => (e.payload as { date: string }).date)).toEqual([
      first!.ownDay,
      suggestion!.date,
      first!.ownDay,
    ]);
    expect(new Set(trail.map((e) => e.actor))).toEqual(new Set([trail[0]!.actor]));
    expect(await scheduledOn(second!)).toBe(second!.ownDay);
  });
});
