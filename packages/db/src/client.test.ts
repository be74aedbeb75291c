import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, pingDatabase } from './client.js';
import { Prisma, type PrismaClient } from './generated/prisma/client.js';
import { readMigrationFiles } from './migrations/migration-files.js';
import { defaultMigrationsDir } from './paths.js';
import { createTestDatabase, requireTestDatabaseUrl, type TestDatabase } from './testing.js';

async function seedProgram(prisma: PrismaClient, slug: string) {
  const organization = await prisma.organization.create({ data: { name: `Org ${slug}`, slug } });
  const program = await prisma.program.create({
    data: {
      organizationId: organization.id,
      name: 'AIMS certification',
      kind: 'ISO_CERTIFICATION',
      frameworks: ['iso42001', 'iso27001'],
      workflowId: `program:${organization.id}:${slug}`,
      idempotencyKey: 'key-1',
      requestHash: 'hash-1',
      config: { auditor: 'external' },
    },
  });
  return { organization, program };
}

describe('PGlite (embedded default)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'certflow-pglite-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, stores data and keeps it across restarts', async () => {
    const migrations = await readMigrationFiles(defaultMigrationsDir);
    const first = await createPrismaClient({ pgliteDataDir: dataDir });
    try {
      expect(first.engine).toBe('pglite');
      expect((await first.migrate()).applied).toEqual(migrations.map((migration) => migration.name));
      expect(await pingDatabase(first.prisma)).toBe(true);

      const { program } = await seedProgram(first.prisma, 'acme');
      expect(program).toMatchObject({ status: 'PENDING', stage: null, frameworks: ['iso42001', 'iso27001'] });
      const event = await first.prisma.auditEvent.create({
        data: {
          programId: program.id,
          organizationId: program.organizationId,
          workflowId: program.workflowId,
          sequence: 1,
          type: 'program.started',
          occurredAt: new Date('2026-11-23T10:00:00.000Z'),
        },
      });
      await expect(first.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(
        /append-only/,
      );
    } finally {
      await first.close();
    }

    const second = await createPrismaClient({ pgliteDataDir: dataDir });
    try {
      expect((await second.migrate()).applied).toEqual([]);
      const programs = await second.prisma.program.findMany({ include: { auditEvents: true } });
      expect(programs).toHaveLength(1);
      expect(programs[0]?.auditEvents.map((event) => event.type)).toEqual(['program.started']);
    } finally {
      await second.close();
    }
    expect(await pingDatabase(second.prisma)).toBe(false);
  });
});

describe('PostgreSQL via createTestDatabase', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('answers health checks', async () => {
    expect(await pingDatabase(database.prisma)).toBe(true);
  });

  it('scopes idempotency keys to the organization', async () => {
    const { organization } = await seedProgram(database.prisma, 'scoped-a');
    await seedProgram(database.prisma, 'scoped-b'); // same key, other organization: allowed

    const duplicate = database.prisma.program.create({
      data: {
        organizationId: organization.id,
        name: 'Second try',
        kind: 'ISO_CERTIFICATION',
        frameworks: ['iso27001'],
        workflowId: 'program:another',
        idempotencyKey: 'key-1',
        requestHash: 'hash-2',
      },
    });
    await expect(duplicate).rejects.toSatisfy(
      (error) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002',
    );
    const found = await database.prisma.program.findUnique({
      where: { organizationId_idempotencyKey: { organizationId: organization.id, idempotencyKey: 'key-1' } },
    });
    expect(found?.requestHash).toBe('hash-1');
  });

  it('inserts audit events idempotently by (workflowId, sequence) and never changes them', async () => {
    const { program } = await seedProgram(database.prisma, 'audit');
    const event = (sequence: number, type: string) => ({
      programId: program.id,
      organizationId: program.organizationId,
      workflowId: program.workflowId,
      runId: 'run-1',
      sequence,
      type,
      payload: { stage: 'readiness' },
      occurredAt: new Date('2026-11-23T10:00:00.000Z'),
    });

    const first = await database.prisma.auditEvent.createMany({
      data: [event(1, 'program.started'), event(2, 'stage.entered')],
      skipDuplicates: true,
    });
    // An activity retried after a timeout writes the same events again.
    const retry = await database.prisma.auditEvent.createMany({
      data: [event(1, 'program.started'), event(2, 'stage.entered')],
      skipDuplicates: true,
    });
    expect([first.count, retry.count]).toEqual([2, 0]);

    const stored = await database.prisma.auditEvent.findFirstOrThrow({
      where: { workflowId: program.workflowId, sequence: 1 },
    });
    expect(stored.recordedAt).toBeInstanceOf(Date);
    await expect(
      database.prisma.auditEvent.update({ where: { id: stored.id }, data: { type: 'tampered' } }),
    ).rejects.toThrow(/append-only/);
    await expect(database.prisma.auditEvent.delete({ where: { id: stored.id } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('keeps organisation and anonymous events in the same trail, and workflow events complete', async () => {
    const { organization, program } = await seedProgram(database.prisma, 'org-events');
    const at = new Date('2026-11-30T09:00:00.000Z');
    // Two sign-ins of the same organisation: NULL workflow ids never collide on (workflow_id, sequence).
    const signIns = await database.prisma.auditEvent.createMany({
      data: [
        { organizationId: organization.id, type: 'auth.signed-in', actor: 'a@acme.example', occurredAt: at },
        { organizationId: organization.id, type: 'auth.signed-in', actor: 'a@acme.example', occurredAt: at },
        { type: 'auth.sign-in-failed', payload: { email: 'nobody@acme.example' }, occurredAt: at },
      ],
    });
    expect(signIns.count).toBe(3);

    const incomplete = [
      // A workflow event without its sequence would escape the idempotency key.
      { programId: program.id, organizationId: organization.id, workflowId: program.workflowId },
      // A sequence without a workflow means nothing.
      { organizationId: organization.id, sequence: 7 },
      // A program event must say which organisation it belongs to.
      { programId: program.id },
    ];
    for (const data of incomplete) {
      await expect(
        database.prisma.auditEvent.create({ data: { ...data, type: 'x', occurredAt: at } }),
      ).rejects.toThrow(/audit_events_workflow_event_complete/);
    }
    const stored = await database.prisma.auditEvent.findFirstOrThrow({
      where: { type: 'auth.sign-in-failed' },
    });
    await expect(database.prisma.auditEvent.delete({ where: { id: stored.id } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('keeps calendar dates as dates and links remediation tasks to findings', async () => {
    const { program } = await seedProgram(database.prisma, 'dates');
    const finding = await database.prisma.finding.create({
      data: {
        programId: program.id,
        organizationId: program.organizationId,
        auditId: 'stage2',
        description: 'Risk treatment plan not approved by management',
        severity: 'MINOR',
        requirementIds: ['iso42001:6.1.3'],
        raisedOn: new Date('2026-11-20'),
      },
    });
    const task = await database.prisma.remediationTask.create({
      data: {
        programId: program.id,
        organizationId: program.organizationId,
        findingId: finding.id,
        title: 'Get the risk treatment plan approved',
        ownerEmail: 'owner@example.com',
        dueDate: new Date('2027-01-15'),
      },
      include: { finding: true },
    });
    expect(task.dueDate.toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(task).toMatchObject({
      status: 'OPEN',
      requirementIds: [],
      evidence: null,
      finding: { severity: 'MINOR', status: 'OPEN' },
    });
  });

  it('refuses a second notification with the same dedupe key', async () => {
    const { program } = await seedProgram(database.prisma, 'outbox');
    const notification = {
      programId: program.id,
      dedupeKey: `${program.workflowId}:reminder:stage1`,
      recipient: 'owner@example.com',
      subject: 'Stage 1 audit in two weeks',
      body: 'Prepare the documentation.',
    };
    const created = await database.prisma.notification.create({ data: notification });
    expect(created).toMatchObject({ status: 'PENDING', attempts: 0, sentAt: null });
    await expect(database.prisma.notification.create({ data: notification })).rejects.toSatisfy(
      (error) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002',
    );
  });
});

describe('createTestDatabase', () => {
  it('drops its database', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    await database.drop();

    const admin = new pg.Client({ connectionString: requireTestDatabaseUrl() });
    await admin.connect();
    try {
      const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(rows).toHaveLength(0);
    } finally {
      await admin.end();
    }
  });

  it('explains a missing TEST_DATABASE_URL in one sentence', () => {
    const saved = process.env.TEST_DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    try {
      expect(() => requireTestDatabaseUrl()).toThrow(/^TEST_DATABASE_URL is not set: .*CREATE DATABASE/);
    } finally {
      if (saved !== undefined) process.env.TEST_DATABASE_URL = saved;
    }
  });
});
