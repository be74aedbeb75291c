import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../paths.js';
import { openPostgresConnection, type SqlConnection } from '../sql-connection.js';
import { createScratchDatabase, type ScratchDatabase } from '../testing.js';
import { migrate } from './migrate.js';
import { checksumOf, readMigrationFiles } from './migration-files.js';

let database: ScratchDatabase;
let migrationsDir: string;

beforeEach(async () => {
  database = await createScratchDatabase();
  migrationsDir = await mkdtemp(join(tmpdir(), 'certflow-migrations-'));
  await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
});

afterEach(async () => {
  await database.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> {
  const connection = await openPostgresConnection(database.url);
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(join(migrationsDir, name));
  await writeFile(join(migrationsDir, name, 'migration.sql'), sql);
}

describe('migrate on PostgreSQL', () => {
  it('applies every migration once, in order, and records them the way Prisma does', async () => {
    const files = await readMigrationFiles(migrationsDir);
    expect(files.length).toBeGreaterThan(0);

    const first = await migrate({ databaseUrl: database.url, migrationsDir });
    expect(first.applied).toEqual(files.map((file) => file.name));

    const second = await migrate({ databaseUrl: database.url, migrationsDir });
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied, unknownApplied: [] });

    const rows = await withConnection((connection) =>
      connection.query<{
        migration_name: string;
        checksum: string;
        applied_steps_count: number;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        logs: string | null;
      }>(
        'SELECT migration_name, checksum, applied_steps_count, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const file = files[index];
      const onDisk = await readFile(join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.migration_name).toBe(file?.name);
      expect(row.checksum).toBe(checksumOf(onDisk.toString('utf8')));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
  });

  it('creates _prisma_migrations with the column types Prisma Migrate uses', async () => {
    await migrate({ databaseUrl: database.url, migrationsDir });
    const columns = await withConnection((connection) =>
      connection.query<{
        column_name: string;
        data_type: string;
        is_nullable: string;
        character_maximum_length: number | null;
      }>(
        `SELECT column_name, data_type, is_nullable, character_maximum_length
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      ),
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', is_nullable: 'NO', character_maximum_length: 36 },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        is_nullable: 'NO',
        character_maximum_length: 64,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        is_nullable: 'YES',
        character_maximum_length: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        is_nullable: 'NO',
        character_maximum_length: 255,
      },
      { column_name: 'logs', data_type: 'text', is_nullable: 'YES', character_maximum_length: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        is_nullable: 'YES',
        character_maximum_length: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        is_nullable: 'NO',
        character_maximum_length: null,
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        is_nullable: 'NO',
        character_maximum_length: null,
      },
    ]);
  });

  it('applies only the migrations added since the last run', async () => {
    await migrate({ databaseUrl: database.url, migrationsDir });
    await addMigration('29991231000000_add_widgets', 'CREATE TABLE "widgets" ("id" INTEGER PRIMARY KEY);');

    const result = await migrate({ databaseUrl: database.url, migrationsDir });
    expect(result.applied).toEqual(['29991231000000_add_widgets']);
    const tables = await withConnection((connection) =>
      connection.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'widgets'`),
    );
    expect(tables).toHaveLength(1);
  });

  it('refuses to continue when an applied migration was edited', async () => {
    const [first] = await readMigrationFiles(migrationsDir);
    if (!first) throw new Error('no migrations found');
    await migrate({ databaseUrl: database.url, migrationsDir });

    await writeFile(join(migrationsDir, first.name, 'migration.sql'), `${first.sql}\n-- edited afterwards\n`);
    await addMigration('29991231000000_add_widgets', 'CREATE TABLE "widgets" ("id" INTEGER PRIMARY KEY);');

    await expect(migrate({ databaseUrl: database.url, migrationsDir })).rejects.toThrow(
      new RegExp(`Migration ${first.name} was changed after it was applied`),
    );
    const widgets = await withConnection((connection) =>
      connection.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'widgets'`),
    );
    expect(widgets).toHaveLength(0);
  });

  it('accepts a checkout that only changed line endings, as Prisma does', async () => {
    const [first] = await readMigrationFiles(migrationsDir);
    if (!first) throw new Error('no migrations found');
    await migrate({ databaseUrl: database.url, migrationsDir });
    await writeFile(join(migrationsDir, first.name, 'migration.sql'), first.sql.replaceAll('\n', '\r\n'));

    await expect(migrate({ databaseUrl: database.url, migrationsDir })).resolves.toMatchObject({
      applied: [],
    });
  });

  it('rolls a failing migration back completely and does not record it', async () => {
    await addMigration(
      '29991231000000_half_broken',
      'CREATE TABLE "widgets" ("id" INTEGER PRIMARY KEY);\nSELECT * FROM "no_such_table";',
    );

    await expect(migrate({ databaseUrl: database.url, migrationsDir })).rejects.toThrow(
      /Migration 29991231000000_half_broken failed and was rolled back: .*no_such_table/,
    );
    const state = await withConnection(async (connection) => ({
      widgets: await connection.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'widgets'`),
      recorded: await connection.query(
        `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '2999%'`,
      ),
      earlier: await connection.query(`SELECT migration_name FROM "_prisma_migrations"`),
    }));
    expect(state.widgets).toHaveLength(0);
    expect(state.recorded).toHaveLength(0);
    // Migrations before the broken one stay applied.
    expect(state.earlier.length).toBeGreaterThan(0);
  });

  it('refuses to run over a migration another tool left unfinished', async () => {
    await migrate({ databaseUrl: database.url, migrationsDir });
    await withConnection((connection) =>
      connection.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000001', $1, '29991231000000_crashed')`,
        [checksumOf('x')],
      ),
    );
    await expect(migrate({ databaseUrl: database.url, migrationsDir })).rejects.toThrow(
      /29991231000000_crashed started but never finished/,
    );
  });

  it('lets only one of several simultaneous runners apply each migration', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => migrate({ databaseUrl: database.url, migrationsDir })),
    );
    const files = await readMigrationFiles(migrationsDir);
    const appliedBy = results.map((result) => result.applied.length);
    expect(appliedBy.reduce((sum, count) => sum + count, 0)).toBe(files.length);
    expect(appliedBy.filter((count) => count > 0)).toHaveLength(1);

    const rows = await withConnection((connection) =>
      connection.query(`SELECT migration_name FROM "_prisma_migrations"`),
    );
    expect(rows).toHaveLength(files.length);
  });

  it('waits for the migration lock held by someone else and gives up with a clear error', async () => {
    await withConnection(async (holder) => {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      await expect(migrate({ databaseUrl: database.url, migrationsDir, lockTimeoutMs: 500 })).rejects.toThrow(
        /Timed out after 500 ms waiting for the migration lock/,
      );
    });
  });

  it('reports migrations recorded in the database but missing from the folder', async () => {
    await addMigration('29991231000000_add_widgets', 'CREATE TABLE "widgets" ("id" INTEGER PRIMARY KEY);');
    await migrate({ databaseUrl: database.url, migrationsDir });
    await rm(join(migrationsDir, '29991231000000_add_widgets'), { recursive: true });

    const result = await migrate({ databaseUrl: database.url, migrationsDir });
    expect(result.unknownApplied).toEqual(['29991231000000_add_widgets']);
  });
});
