import { randomUUID } from 'node:crypto';
import type { JsonValue, ProgramChangeBatch, ReadModelDelta, ReadModelTaskRow } from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProgram, type SeededProgram } from '../../../test/support/database.js';
import { createAuditActivities } from '../audit.js';

// Against the real PostgreSQL of the tests: the read model's idempotency rests on versioned upserts.
describe('recordProgramChanges writes the read model with the audit events', () => {
  let db: TestDatabase;
  let activities: ReturnType<typeof createAuditActivities>;

  beforeAll(async () => {
    db = await createTestDatabase();
    activities = createAuditActivities({ prisma: db.prisma });
  });
  afterAll(async () => {
    await db?.drop();
  });

  const task = (id: string, overrides: Partial<ReadModelTaskRow> = {}): ReadModelTaskRow => ({
    id,
    title: 'Asset inventory',
    ownerEmail: 'Owner@Acme.test',
    dueDate: '2031-08-01',
    status: 'OPEN',
    requirementIds: ['iso27001:A.5.9'],
    links: [{ from: 'iso27001:A.5.9', to: 'soc2:CC6.1', relation: 'intersect', crosswalk: 'x' }],
    source: 'gap-assessment',
    findingId: null,
    cycle: 1,
    evidence: [],
    completedOn: null,
    cancelReason: null,
    escalated: false,
    ...overrides,
  });

  const batch = (
    seeded: SeededProgram,
    sequence: number,
    readModel: Omit<ReadModelDelta, 'sequence' | 'at'>,
    at = `2031-06-01T12:00:${String(sequence).padStart(2, '0')}.000Z`,
  ): ProgramChangeBatch => ({
    workflowId: seeded.workflowId,
    runId: 'run-1',
    programId: seeded.programId,
    organizationId: seeded.organizationId,
    events: [{ sequence, type: 'note.added', actor: null, payload: {}, occurredAt: at }],
    readModel: { sequence, at, ...readModel },
  });

  it('writes events and rows in one go; a retry writes nothing twice', async () => {
    const seeded = await seedProgram(db.prisma);
    const id = randomUUID();
    const first = batch(seeded, 1, {
      program: {
        stage: 'REMEDIATION',
        status: 'RUNNING',
        cycle: 1,
        atRisk: true,
        atRiskReasons: ['overdue-tasks:1'],
        nextMilestone: { kind: 'stage1', due: '2031-09-01' },
      },
      tasks: [task(id)],
    });
    expect(await activities.recordProgramChanges(first)).toEqual({ inserted: 1 });
    expect(await activities.recordProgramChanges(first)).toEqual({ inserted: 0 });

    const rows = await db.prisma.remediationTask.findMany({ where: { programId: seeded.programId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      organizationId: seeded.organizationId,
      ownerEmail: 'owner@acme.test',
      linkedRequirementIds: ['soc2:CC6.1'],
      projectedSequence: 1,
    });
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: seeded.programId } });
    expect(program).toMatchObject({
      stage: 'REMEDIATION',
      status: 'RUNNING',
      atRisk: true,
      atRiskReasons: ['overdue-tasks:1'],
      nextMilestoneKind: 'stage1',
      projectedSequence: 1,
    });
    expect(program.nextMilestoneDue?.toISOString().slice(0, 10)).toBe('2031-09-01');
    expect(program.startedAt).not.toBeNull();
  });

  it('moves the program’s projection version on with a batch that changes only its tasks, never back', async () => {
    const seeded = await seedProgram(db.prisma);
    const id = randomUUID();
    await activities.recordProgramChanges(batch(seeded, 4, { tasks: [task(id)] }));
    await activities.recordProgramChanges(batch(seeded, 7, { tasks: [task(id, { status: 'CANCELLED' })] }));
    await activities.recordProgramChanges(batch(seeded, 6, { tasks: [task(id, { title: 'late' })] }));
    const program = await db.prisma.program.findUniqueOrThrow({ where: { id: seeded.programId } });
    expect(program.projectedSequence).toBe(7);
    expect(program.projectedAt?.toISOString()).toBe('2031-06-01T12:00:07.000Z');
  });

  it('never moves a row backwards: an older batch arriving late changes nothing', async () => {
    const seeded = await seedProgram(db.prisma);
    const id = randomUUID();
    await activities.recordProgramChanges(
      batch(seeded, 5, { tasks: [task(id, { status: 'DONE', completedOn: '2031-06-01' })] }),
    );
    await activities.recordProgramChanges(batch(seeded, 3, { tasks: [task(id, { title: 'stale' })] }));
    const row = await db.prisma.remediationTask.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'DONE', title: 'Asset inventory', projectedSequence: 5 });
    // Same sequence, later workflow time: a projection without new events still lands.
    await activities.recordProgramChanges(
      batch(
        seeded,
        5,
        { tasks: [task(id, { status: 'DONE', escalated: true })] },
        '2031-06-02T00:00:00.000Z',
      ),
    );
    expect((await db.prisma.remediationTask.findUniqueOrThrow({ where: { id } })).escalated).toBe(true);
  });

  it('keeps the cycle a task was created in, and never lets another program overwrite a row', async () => {
    const seeded = await seedProgram(db.prisma);
    const other = await seedProgram(db.prisma);
    const id = randomUUID();
    await activities.recordProgramChanges(batch(seeded, 1, { tasks: [task(id)] }));
    await activities.recordProgramChanges(batch(seeded, 2, { tasks: [task(id, { cycle: 2 })] }));
    await activities.recordProgramChanges(batch(other, 9, { tasks: [task(id, { title: 'intruder' })] }));
    expect(await db.prisma.remediationTask.findUniqueOrThrow({ where: { id } })).toMatchObject({
      programId: seeded.programId,
      cycle: 1,
      title: 'Asset inventory',
    });
  });

  it('links a task to its finding, and to none when the finding row is unknown', async () => {
    const seeded = await seedProgram(db.prisma);
    const findingId = randomUUID();
    const [known, orphan] = [randomUUID(), randomUUID()];
    await activities.recordProgramChanges(
      batch(seeded, 1, {
        findings: [
          {
            id: findingId,
            kind: 'audit-finding',
            auditId: 'stage2',
            cycle: 1,
            severity: 'MAJOR',
            description: 'No access reviews',
            requirementIds: ['iso27001:A.5.15'],
            links: [],
            raisedOn: '2031-05-30',
            responseDue: '2031-08-28',
            status: 'OPEN',
            closedOn: null,
            taskId: known,
            overdueEscalated: false,
          },
        ],
        tasks: [
          task(known, { source: 'finding', findingId }),
          task(orphan, { source: 'finding', findingId: randomUUID() }),
        ],
      }),
    );
    const tasks = await db.prisma.remediationTask.findMany({
      where: { programId: seeded.programId },
      include: { finding: true },
    });
    expect(tasks.find((t) => t.id === known)?.finding).toMatchObject({ severity: 'MAJOR', status: 'OPEN' });
    expect(tasks.find((t) => t.id === orphan)).toMatchObject({ source: 'finding', findingId: null });
  });

  it('replaces a complete cycle’s milestones, leaving other cycles and newer rows alone', async () => {
    const seeded = await seedProgram(db.prisma);
    const row = (cycle: number, kind: string, scheduled: string | null = null) => ({
      cycle,
      kind,
      category: 'audit' as const,
      earliest: null,
      due: '2031-10-01',
      deadline: null,
      scheduled,
      actual: null,
      plannedDays: 4.5,
      plannedCost: 6750,
      currency: 'EUR',
    });
    await activities.recordProgramChanges(
      batch(seeded, 1, {
        milestones: [row(1, 'stage1', '2031-07-01'), row(1, 'stage2'), row(2, 'surveillance1')],
        completeCycles: [1, 2],
      }),
    );
    await activities.recordProgramChanges(
      batch(seeded, 2, { milestones: [row(1, 'stage1', '2031-07-08')], completeCycles: [1] }),
    );
    const stored = await db.prisma.programMilestone.findMany({
      where: { programId: seeded.programId },
      orderBy: [{ cycle: 'asc' }, { kind: 'asc' }],
    });
    expect(stored.map((m) => [m.cycle, m.kind, m.scheduled?.toISOString().slice(0, 10) ?? null])).toEqual([
      [1, 'stage1', '2031-07-08'],
      [2, 'surveillance1', null],
    ]);
    expect(stored[0]).toMatchObject({ category: 'audit', currency: 'EUR' });
    expect(Number(stored[0]!.plannedDays)).toBe(4.5);
    expect(stored[0]!.plannedOn?.toISOString().slice(0, 10)).toBe('2031-07-08');
  });

  it('marks a certificate withdrawn from its audit event, and keeps SOC 2 coverage gaps to the latest set', async () => {
    const seeded = await seedProgram(db.prisma);
    await activities.recordProgramChanges(
      batch(seeded, 1, {
        certificates: [
          {
            cycle: 1,
            frameworks: ['iso27001'],
            number: 'C-1',
            origin: 'existing-certificate',
            status: 'VALID',
            decisionDate: '2030-01-10',
            cycleStart: '2030-01-10',
            expiryDate: '2033-01-09',
            suspendedSince: null,
            suspendedUntil: null,
          },
        ],
        coverageGaps: [
          { from: '2031-01-01', to: '2031-01-31', planned: false },
          { from: '2031-05-01', to: null, planned: false },
        ],
      }),
    );
    await activities.recordProgramChanges({
      ...batch(seeded, 2, { coverageGaps: [{ from: '2031-05-01', to: '2031-05-20', planned: false }] }),
      events: [
        {
          sequence: 2,
          type: 'certification.withdrawn',
          actor: 'pm@acme.test',
          payload: { on: '2031-06-01', reason: 'misuse of the mark', cycle: 1 },
          occurredAt: '2031-06-01T12:00:02.000Z',
        },
      ],
    });
    expect(
      await db.prisma.certificate.findFirstOrThrow({ where: { programId: seeded.programId } }),
    ).toMatchObject({
      status: 'WITHDRAWN',
      number: 'C-1',
    });
    const gaps = await db.prisma.soc2CoverageGap.findMany({ where: { programId: seeded.programId } });
    expect(
      gaps.map((g) => [g.fromDate.toISOString().slice(0, 10), g.toDate?.toISOString().slice(0, 10)]),
    ).toEqual([['2031-05-01', '2031-05-20']]);
  });

  it('keeps the newest value of each setting changed since the start, whatever batch comes again', async () => {
    const seeded = await seedProgram(db.prisma);
    const changed = (sequence: number, to: { [key: string]: JsonValue }): ProgramChangeBatch => ({
      ...batch(seeded, sequence, {}),
      events: [
        {
          sequence,
          type: 'settings.changed',
          actor: 'pm@acme.test',
          payload: { reason: 'new quote', changed: Object.keys(to), from: {}, to },
          occurredAt: `2031-06-01T12:00:0${sequence}.000Z`,
        },
      ],
    });
    const first = changed(1, { terms: { currency: 'EUR', dayRate: 1000 }, personsInScope: 40 });
    await activities.recordProgramChanges(first);
    await activities.recordProgramChanges(changed(2, { terms: { currency: 'EUR', dayRate: 1200 } }));
    await activities.recordProgramChanges(changed(3, { quotedDays: null }));
    await activities.recordProgramChanges(first);
    const { settingsChanges } = await db.prisma.program.findUniqueOrThrow({
      where: { id: seeded.programId },
    });
    expect(settingsChanges).toEqual({
      terms: { currency: 'EUR', dayRate: 1200 },
      personsInScope: 40,
      quotedDays: null,
    });
  });

  it('writes nothing of a batch whose rows fail', async () => {
    const seeded = await seedProgram(db.prisma);
    const bad = batch(seeded, 1, { tasks: [task(randomUUID(), { dueDate: 'not a date' })] });
    await expect(activities.recordProgramChanges(bad)).rejects.toThrow();
    expect(await db.prisma.auditEvent.count({ where: { workflowId: seeded.workflowId } })).toBe(0);
  });
});
