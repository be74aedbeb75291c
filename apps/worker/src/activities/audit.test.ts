import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import type { AuditEventBatch } from '@certflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, seedProgram, type SeededProgram } from '../../test/support/database.js';
import { createAuditActivities } from './audit.js';

// Against the real PostgreSQL of the tests: the audit trail's idempotency rests on its unique key.
describe('recordAuditEvents', () => {
  let db: TestDatabase;
  let seeded: SeededProgram;
  let activities: ReturnType<typeof createAuditActivities>;

  beforeAll(async () => {
    db = await createTestDatabase();
    activities = createAuditActivities({ prisma: db.prisma });
    seeded = await seedProgram(db.prisma);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const batch = (sequences: number[], type: AuditEventBatch['events'][number]['type'] = 'note.added') => ({
    workflowId: seeded.workflowId,
    runId: 'run-1',
    programId: seeded.programId,
    organizationId: seeded.organizationId,
    events: sequences.map((sequence) => ({
      sequence,
      type,
      actor: sequence % 2 ? 'lead@acme.test' : null,
      payload: { sequence, nested: { quote: `it's "${sequence}"` } },
      occurredAt: `2031-06-0${sequence}T12:00:00.000Z`,
    })),
  });

  it('writes a batch in one go and, retried, writes only what is missing', async () => {
    expect(await activities.recordAuditEvents(batch([1, 2, 3]))).toEqual({ inserted: 3 });
    expect(await activities.recordAuditEvents(batch([1, 2, 3]))).toEqual({ inserted: 0 });
    expect(await activities.recordAuditEvents(batch([3, 4, 5]))).toEqual({ inserted: 2 });
    expect(await activities.recordAuditEvents(batch([]))).toEqual({ inserted: 0 });

    const events = await auditEvents(db.prisma, seeded.workflowId);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(events[1]).toMatchObject({
      type: 'note.added',
      actor: null,
      payload: { sequence: 2, nested: { quote: `it's "2"` } },
      occurredAt: new Date('2031-06-02T12:00:00.000Z'),
    });
  });

  it('writes nothing of a batch that fails part-way', async () => {
    const bad = batch([6, 7]);
    bad.events[1]!.occurredAt = 'not a timestamp';
    await expect(activities.recordAuditEvents(bad)).rejects.toThrow();
    const sequences = (await auditEvents(db.prisma, seeded.workflowId)).map((e) => e.sequence);
    expect(sequences).not.toContain(6);
  });

  it('agrees with the single-event activity on the same key', async () => {
    const [event] = batch([8]).events;
    expect(
      await activities.recordAuditEvent({
        ...event!,
        workflowId: seeded.workflowId,
        runId: 'run-1',
        programId: seeded.programId,
        organizationId: seeded.organizationId,
      }),
    ).toEqual({ inserted: true });
    expect(await activities.recordAuditEvents(batch([8, 9]))).toEqual({ inserted: 1 });
  });
});
