import type { INestApplication } from '@nestjs/common';
import { requirementsOf } from '@certflow/catalog';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { buildWorld, insertTask, sessionOf, today, type World } from '../../../test/support/world.js';
import { changesHeard } from '../../../test/support/changes-heard.js';
import { createTestApp } from '../../../test/test-app.js';
import type { DashboardView } from './dashboard.schemas.js';

const shift = (days: number) => {
  const date = new Date(`${today()}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date;
};

describe('the leadership dashboard (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
    }));
    world = await buildWorld(app, db.prisma, 'Dashboard Co');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('gives readiness per framework, open tasks and open major and minor findings', async () => {
    const pm = await sessionOf(app, world, 'program_manager');
    await pm
      .put(`/organizations/${world.organization.id}/requirement-statuses`)
      .send({
        items: [
          { requirementId: 'iso27001:A.5.15', status: 'implemented' },
          { requirementId: 'iso27001:A.5.7', status: 'implemented' },
          { requirementId: 'iso27001:9.2.1', status: 'implemented' },
          { requirementId: 'iso27001:A.5.1', status: 'partial' },
          {
            requirementId: 'iso27001:A.7.4',
            status: 'not_applicable',
            justification: 'No physical premises: the company is fully remote',
          },
        ],
      })
      .expect(200);
    await insertTask(db.prisma, world.otherProgram.id, 'someone@acme.example', 'Second open task');
    await insertTask(db.prisma, world.otherProgram.id, 'someone@acme.example', 'Done already');
    await db.prisma.remediationTask.updateMany({
      where: { title: 'Done already' },
      data: { status: 'DONE' },
    });
    const finding = (
      severity: 'MAJOR' | 'MINOR' | 'OBSERVATION',
      status: 'OPEN' | 'PLAN_ACCEPTED' | 'CLOSED',
    ) => ({
      programId: world.program.id,
      organizationId: world.organization.id,
      auditId: 'stage2',
      description: `${severity} ${status}`,
      severity,
      status,
      raisedOn: shift(-20),
    });
    await db.prisma.finding.createMany({
      data: [
        finding('MAJOR', 'OPEN'),
        finding('MINOR', 'PLAN_ACCEPTED'),
        finding('MINOR', 'CLOSED'),
        finding('OBSERVATION', 'OPEN'),
      ],
    });
    await changesHeard(app, db.prisma);
    const executive = await sessionOf(app, world, 'executive');
    const body = (
      await executive.get(`/organizations/${world.organization.id}/overview/dashboard`).expect(200)
    ).body as DashboardView;
    expect(body.today).toBe(today());
    const iso27001 = body.readiness.find((r) => r.framework === 'iso27001')!;
    const leaves = requirementsOf('iso27001', { assessableOnly: true }).length;
    expect(iso27001).toEqual({
      framework: 'iso27001',
      programs: 2,
      requirements: leaves,
      implemented: 3,
      partial: 1,
      notApplicable: 1,
      readinessPercent: Math.floor(300 / (leaves - 1)),
      openTasks: 2,
      openMajorFindings: 1,
      openMinorFindings: 1,
    });
    expect(body.readiness.find((r) => r.framework === 'iso42001')).toMatchObject({
      implemented: 0,
      readinessPercent: 0,
      openTasks: 2,
    });
  });

  it('lists milestones at risk with the reason, and the next 90 days', async () => {
    const milestone = (
      kind: string,
      dates: { deadline?: Date; scheduled?: Date; plannedOn?: Date; actual?: Date },
    ) => ({
      programId: world.program.id,
      organizationId: world.organization.id,
      cycle: 1,
      kind,
      category: 'audit',
      deadline: dates.deadline ?? null,
      scheduled: dates.scheduled ?? null,
      plannedOn: dates.plannedOn ?? dates.scheduled ?? dates.deadline ?? null,
      actual: dates.actual ?? null,
    });
    await db.prisma.programMilestone.createMany({
      data: [
        milestone('stage1', { deadline: shift(-1) }),
        milestone('stage2', { deadline: shift(50), scheduled: shift(55) }),
        milestone('surveillance1', { deadline: shift(10) }),
        milestone('surveillance2', { deadline: shift(100), scheduled: shift(30) }),
        milestone('recertification', { deadline: shift(200) }),
        // Held: neither at risk nor upcoming, whatever its dates.
        milestone('extension-stage1', { deadline: shift(-5), scheduled: shift(5), actual: shift(-6) }),
      ],
    });
    await changesHeard(app, db.prisma);
    const executive = await sessionOf(app, world, 'executive');
    const body = (
      await executive.get(`/organizations/${world.organization.id}/overview/dashboard`).expect(200)
    ).body as DashboardView;
    expect(body.atRisk.map((m) => [m.kind, m.risk])).toEqual([
      ['stage1', 'overdue'],
      ['surveillance1', 'deadline-near-unscheduled'],
      ['stage2', 'scheduled-after-deadline'],
    ]);
    expect(body.next90Days.map((m) => m.kind)).toEqual(['surveillance1', 'surveillance2', 'stage2']);
    expect(body.next90Days[0]).toMatchObject({
      program: { id: world.program.id, name: world.program.name },
      deadline: shift(10).toISOString().slice(0, 10),
    });
  });
});
