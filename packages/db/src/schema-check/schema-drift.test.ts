import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../migrations/migrate.js';
import { defaultMigrationsDir } from '../paths.js';
import { openPostgresConnection, openSqlConnection } from '../sql-connection.js';
import { createScratchDatabase } from '../testing.js';
import { findSchemaDrift } from './find-schema-drift.js';
import { readPrismaSchema, type PrismaSchema } from './parse-prisma-schema.js';

let schema: PrismaSchema;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  schema = await readPrismaSchema();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Migrates a fresh PostgreSQL database with the real migrations plus any `extra` ones, and checks it. */
async function driftAfterMigrating(extra: Record<string, string> = {}) {
  const database = await createScratchDatabase();
  cleanups.push(database.drop);
  const migrationsDir = await mkdtemp(join(tmpdir(), 'certflow-drift-'));
  cleanups.push(() => rm(migrationsDir, { recursive: true, force: true }));
  await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(join(migrationsDir, name));
    await writeFile(join(migrationsDir, name, 'migration.sql'), sql);
  }
  await migrate({ databaseUrl: database.url, migrationsDir });

  const connection = await openPostgresConnection(database.url);
  try {
    return await findSchemaDrift(connection, schema);
  } finally {
    await connection.close();
  }
}

describe('the migrations produce the database the Prisma schema describes', () => {
  it('on PostgreSQL', async () => {
    expect(await driftAfterMigrating()).toEqual([]);
  });

  it('on PGlite', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'certflow-pglite-drift-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    await migrate({ pgliteDataDir: dataDir });
    const connection = await openSqlConnection({ pgliteDataDir: dataDir });
    try {
      expect(await findSchemaDrift(connection, schema)).toEqual([]);
    } finally {
      await connection.close();
    }
  });
});

describe('findSchemaDrift reports a migration that disagrees with the schema', () => {
  it('notices a single changed column', async () => {
    const differences = await driftAfterMigrating({
      '29991231000000_drift': 'ALTER TABLE "programs" ALTER COLUMN "workflow_id" DROP NOT NULL;',
    });
    expect(differences).toEqual([
      {
        kind: 'column',
        subject: 'programs.workflow_id',
        message: 'programs.workflow_id: is nullable, expected NOT NULL',
      },
    ]);
  });

  it('finds every kind of difference, and nothing else', async () => {
    const differences = await driftAfterMigrating({
      '29991231000000_drift': `
        ALTER TABLE "programs" ALTER COLUMN "stage" SET NOT NULL;
        ALTER TABLE "programs" ALTER COLUMN "request_hash" TYPE VARCHAR(64);
        ALTER TABLE "programs" ALTER COLUMN "status" SET DEFAULT 'RUNNING';
        ALTER TABLE "programs" ADD COLUMN "legacy_flag" BOOLEAN;
        ALTER TABLE "notifications" DROP COLUMN "last_error";
        ALTER TABLE "remediation_tasks" ALTER COLUMN "projected_at" TYPE TIMESTAMP(3);
        ALTER TABLE "audit_events" ALTER COLUMN "recorded_at" DROP DEFAULT;
        DROP INDEX "audit_events_workflow_id_sequence_key";
        CREATE INDEX "audit_events_type_idx" ON "audit_events"("type");
        ALTER TYPE "FindingSeverity" ADD VALUE 'CRITICAL';
        ALTER TABLE "findings" DROP CONSTRAINT "findings_program_id_fkey";
        ALTER TABLE "findings" ADD CONSTRAINT "findings_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
        CREATE TABLE "scratch_notes" ("id" INTEGER PRIMARY KEY);
        DROP TABLE "sign_in_throttles";
        ALTER TABLE "programs" DROP CONSTRAINT "programs_organization_id_fkey";
      `,
    });
    const messages = differences.map((difference) => difference.message).sort();

    expect(messages).toEqual(
      [
        'programs.stage: is NOT NULL, expected nullable',
        'programs.request_hash: type is varchar, expected text',
        "programs.status: default is 'RUNNING'::\"ProgramStatus\", expected 'PENDING'",
        'programs.legacy_flag: column exists in the database but not in the schema',
        'notifications.last_error: column is missing',
        'remediation_tasks.projected_at: type is timestamp(3), expected timestamptz(3)',
        'audit_events.recorded_at: has no default, expected CURRENT_TIMESTAMP',
        'audit_events_workflow_id_sequence_key: unique index on (workflow_id, sequence) on audit_events is missing',
        'audit_events_type_idx: index on audit_events(type) exists in the database but not in the schema',
        'FindingSeverity: values are [MAJOR, MINOR, OBSERVATION, CRITICAL], expected [MAJOR, MINOR, OBSERVATION]',
        'findings_program_id_fkey: is (program_id) -> programs(id) on delete CASCADE on update CASCADE, expected (program_id) -> programs(id) on delete RESTRICT on update CASCADE',
        'scratch_notes: table exists in the database but not in the schema',
        'sign_in_throttles: table is missing',
        'programs_organization_id_fkey: foreign key (organization_id) -> organizations(id) on delete RESTRICT on update CASCADE is missing',
      ].sort(),
    );
  });
});
