import type { INestApplication } from '@nestjs/common';
import {
  CertflowAtRisk,
  CertflowOrganizationId,
  CertflowStage,
  PROGRAM_TASK_QUEUE,
} from '@certflow/contracts';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { eventually } from '@certflow/testkit';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signIn } from '../../../test/fixtures.js';
import { buildWorld, insertTask, type World } from '../../../test/support/world.js';
import { changesHeard } from '../../../test/support/changes-heard.js';
import { createTestApp } from '../../../test/test-app.js';
import type { OverviewView } from './overview.schemas.js';

describe('the executive overview and my tasks (real PostgreSQL, real Temporal visibility)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let temporal: Client;
  let world: World;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
    world = await buildWorld(app, db.prisma, 'Overview Co');
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await app?.close();
    await db?.drop();
  });

  it('groups programs per framework with stage and risk from the workflows’ search attributes', async () => {
    // No worker runs here, so the test gives one program the attributes its workflow would upsert: a run
    // of the same workflow id carrying stage and risk (the read side is what is under test).
    const row = await db.prisma.program.findUniqueOrThrow({ where: { id: world.program.id } });
    await temporal.workflow.getHandle(row.workflowId).terminate('replaced by the test');
    await temporal.workflow.start('isoCertificationWorkflow', {
      workflowId: row.workflowId,
      taskQueue: `${PROGRAM_TASK_QUEUE}-unpolled`,
      typedSearchAttributes: [
        { key: CertflowOrganizationId, value: world.organization.id },
        { key: CertflowStage, value: 'STAGE1' },
        { key: CertflowAtRisk, value: true },
      ],
    });
    const executive = await signIn(app, world.people.executive);
    const overview = await eventually(
      'the overview to count the at-risk program',
      async () => {
        const body = (await executive.get(`/organizations/${world.organization.id}/overview`).expect(200))
          .body as OverviewView;
        return body.totals.atRisk === 1 ? body : undefined;
      },
      { timeoutMs: 45_000 },
    );
    expect(overview.source).toBe('search-attributes');
    expect(overview.totals).toEqual({ programs: 2, atRisk: 1 });
    expect(overview.frameworks.map((f) => f.framework)).toEqual(['iso27001', 'iso42001']);
    const iso27001 = overview.frameworks[0]!.programs;
    expect(iso27001.find((p) => p.id === world.program.id)).toMatchObject({ stage: 'STAGE1', atRisk: true });
    expect(iso27001.find((p) => p.id === world.otherProgram.id)).toMatchObject({ atRisk: false });
  });

  it('falls back to the database projection, risk unknown, when Temporal does not answer', async () => {
    const { app: offline } = await createTestApp({ databaseUrl: db.url, temporalAddress: '127.0.0.1:1' });
    try {
      const executive = await signIn(offline, world.people.executive);
      const body = (await executive.get(`/organizations/${world.organization.id}/overview`).expect(200))
        .body as OverviewView;
      expect(body.source).toBe('database');
      expect(body.totals).toEqual({ programs: 2, atRisk: 0 });
      expect(body.frameworks[0]!.programs.every((p) => p.atRisk === null)).toBe(true);
    } finally {
      await offline.close();
    }
  });

  it('lists a person’s own remediation tasks, open and soonest first, and nobody else’s', async () => {
    const owner = world.people.control_owner;
    await insertTask(db.prisma, world.program.id, 'someone.else@acme.example', 'Not mine');
    await db.prisma.remediationTask.create({
      data: {
        programId: world.program.id,
        organizationId: world.organization.id,
        ownerEmail: owner.email,
        title: 'Document supplier review',
        dueDate: new Date('2026-02-01'),
        status: 'OPEN',
      },
    });
    await changesHeard(app, db.prisma);
    const session = await signIn(app, owner);
    const tasks = (
      (await session.get(`/organizations/${world.organization.id}/my-tasks`).expect(200)).body as {
        items: { title: string; overdue: boolean; program: { id: string } }[];
      }
    ).items;
    expect(tasks.map((t) => t.title)).toEqual([
      'Document supplier review',
      'Approve the risk treatment plan',
    ]);
    expect(tasks[0]).toMatchObject({ overdue: true, program: { id: world.program.id } });
    const executive = await signIn(app, world.people.executive);
    expect(
      (await executive.get(`/organizations/${world.organization.id}/my-tasks`).expect(200)).body,
    ).toEqual({ items: [], nextCursor: null });
  });

  it('shows admins their members’ sign-ins in the organisation’s security events', async () => {
    await signIn(app, world.people.auditor);
    const admin = await signIn(app, world.people.admin);
    const events = (await admin.get(`/organizations/${world.organization.id}/security-events`).expect(200))
      .body as { type: string; actor: string }[];
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'auth.signed-in', actor: world.people.auditor.email }),
    );
    expect(events.every((e) => !e.type.startsWith('program.'))).toBe(true);
  });
});
