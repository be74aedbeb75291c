import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  programsPath,
  type Session,
  soc2ProgramBody,
} from '../../../test/fixtures.js';
import { createTestApp } from '../../../test/test-app.js';
import {
  PENDING_GRACE_MS,
  PendingProgramsReconciler,
  PROGRAM_START_RECOVERED_EVENT,
} from './pending-programs.reconciler.js';
import { startProgramWorkflow } from './program-workflow.js';

// Real PostgreSQL and the shared real Temporal dev server. Pending rows are made the way production makes them:
// by POST /programs against an API whose Temporal is unreachable.
describe('PendingProgramsReconciler', () => {
  let db: TestDatabase;
  let temporal: Client;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await temporal?.connection.close();
    await db?.drop();
  });

  async function start(temporalAddress: string) {
    const { app } = await createTestApp({ databaseUrl: db.url, temporalAddress });
    apps.push(app);
    return app;
  }

  async function pendingProgram(
    { session, organizationId }: { session: Session; organizationId: string },
    body: object,
    ageMs: number,
  ) {
    const res = await session.post(programsPath(organizationId)).send(body).expect(503);
    expect((res.body as { message: string }).message).toMatch(
      /was saved but its workflow could not be started/,
    );
    const row = await db.prisma.program.findFirstOrThrow({
      where: { name: (body as { name: string }).name },
    });
    expect(row.status).toBe('PENDING');
    return db.prisma.program.update({
      where: { id: row.id },
      data: { createdAt: new Date(Date.now() - ageMs) },
    });
  }

  it('starts the workflows of stale pending programs at start-up, once, and leaves fresh ones alone', async () => {
    const down = await start('127.0.0.1:1');
    const world = await createOrganizationWithAdmin(down);
    const organizationId = world.organization.id;
    const caller = { session: world.session, organizationId };
    const stale = 5 * 60_000;
    const soc2 = await pendingProgram(caller, soc2ProgramBody({ name: 'Stale SOC 2' }), stale);
    const iso = await pendingProgram(caller, isoProgramBody({ name: 'Stale ISO, already started' }), stale);
    const fresh = await pendingProgram(caller, isoProgramBody({ name: 'Fresh ISO' }), 5_000);

    // As if the crash came after Temporal accepted the start but before the row said so.
    await startProgramWorkflow(temporal, iso, 3000);
    const isoRunBefore = (await temporal.workflow.getHandle(iso.workflowId).describe()).runId;

    const up = await start(inject('temporalAddress'));
    const reconciler = up.get(PendingProgramsReconciler);
    const result = await reconciler.settled();
    expect(result).toEqual({ started: [soc2.id, iso.id], failed: [] });

    const rows = await db.prisma.program.findMany({ where: { organizationId } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(soc2.id)).toMatchObject({ status: 'RUNNING', startedAt: expect.any(Date) as Date });
    expect(byId.get(iso.id)).toMatchObject({ status: 'RUNNING' });
    expect(byId.get(fresh.id)).toMatchObject({ status: 'PENDING', startedAt: null });

    const soc2Run = await temporal.workflow.getHandle(soc2.workflowId).describe();
    expect(soc2Run.type).toBe('soc2AttestationWorkflow');
    expect(soc2Run.status.name).toBe('RUNNING');
    const isoRun = await temporal.workflow.getHandle(iso.workflowId).describe();
    expect(isoRun.runId).toBe(isoRunBefore);
    await expect(temporal.workflow.getHandle(fresh.workflowId).describe()).rejects.toThrow();

    const recovered = await db.prisma.auditEvent.findMany({
      where: { organizationId, type: PROGRAM_START_RECOVERED_EVENT },
      orderBy: { occurredAt: 'asc' },
    });
    expect(recovered.map((event) => event.programId).sort()).toEqual([soc2.id, iso.id].sort());
    expect(recovered[0]).toMatchObject({
      actor: 'api',
      workflowId: expect.stringMatching(/^program:/) as string,
    });

    // A second pass (the next start-up) finds nothing left to do and writes nothing.
    expect(await reconciler.reconcile()).toEqual({ started: [], failed: [] });
    // Once the fresh one is past the grace period it is picked up too.
    const later = new Date(Date.now() + PENDING_GRACE_MS);
    expect(await reconciler.reconcile(later)).toEqual({ started: [fresh.id], failed: [] });
    expect(
      await db.prisma.auditEvent.count({ where: { organizationId, type: PROGRAM_START_RECOVERED_EVENT } }),
    ).toBe(3);
  });

  it('leaves a stale program pending, and the API up, when Temporal is unreachable', async () => {
    const down = await start('127.0.0.1:1');
    const world = await createOrganizationWithAdmin(down);
    const organizationId = world.organization.id;
    const row = await pendingProgram(
      { session: world.session, organizationId },
      soc2ProgramBody({ name: 'Unreachable SOC 2' }),
      120_000,
    );

    const result = await down.get(PendingProgramsReconciler).reconcile();
    expect(result.failed).toContain(row.id);
    expect(result.started).not.toContain(row.id);
    expect(await db.prisma.program.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'PENDING',
    });
    await world.session.get(programsPath(organizationId)).expect(200);
  });
});
