import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SqlConnection, SqlExecutor } from '../sql-connection.js';
import { defaultMigrationsDir } from '../paths.js';
import { matchesChecksum, readMigrationFiles, type MigrationFile } from './migration-files.js';

/**
 * The key `prisma migrate` itself locks, so this runner and a `prisma migrate deploy` run elsewhere
 * never apply migrations to the same database at the same time.
 */
export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

export interface MigrateOptions {
  /** Defaults to this package's prisma/migrations. */
  migrationsDir?: string;
  /** How long to wait for another process holding the migration lock (PostgreSQL only). Default 60 s. */
  lockTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface MigrateResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Migrations that were already recorded as applied. */
  alreadyApplied: string[];
  /** Recorded in the database but missing from the folder (e.g. an older build started against a newer schema). */
  unknownApplied: string[];
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

interface MigrationRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Same columns and types as the table Prisma Migrate creates, so either tool can read what the other wrote. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "_prisma_migrations_pkey" PRIMARY KEY ("id")
)`;

/**
 * Applies pending migrations in name order, each in its own transaction together with its
 * `_prisma_migrations` row, so a failure leaves neither a half-applied script nor a record of it.
 * Refuses to run when an applied migration was edited or an earlier run failed outside our control.
 */
export async function runMigrations(
  connection: SqlConnection,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.migrationsDir ?? defaultMigrationsDir);
  const log = options.log ?? (() => undefined);

  const unlock = await lock(connection, options.lockTimeoutMs ?? 60_000);
  try {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await readMigrationRows(connection);
    const plan = planMigrations(files, rows);

    const applied: string[] = [];
    for (const file of plan.pending) {
      const didApply = await connection.transaction((tx) => applyOne(tx, file));
      if (didApply) {
        applied.push(file.name);
        log(`applied ${file.name}`);
      }
    }
    return { applied, alreadyApplied: plan.alreadyApplied, unknownApplied: plan.unknownApplied };
  } finally {
    // If unlocking fails the session is broken, and closing it releases the lock anyway.
    await unlock().catch(() => undefined);
  }
}

async function readMigrationRows(db: SqlExecutor): Promise<MigrationRow[]> {
  return db.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
}

function planMigrations(files: MigrationFile[], rows: MigrationRow[]) {
  const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const names = failed.map((row) => row.migration_name).join(', ');
    throw new MigrationError(
      `Migration ${names} started but never finished (recorded by another tool). Repair the database, then mark it with \`prisma migrate resolve\` before running migrations again.`,
    );
  }

  const appliedRows = new Map(
    rows
      .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
      .map((row) => [row.migration_name, row]),
  );
  for (const file of files) {
    const row = appliedRows.get(file.name);
    if (row && !matchesChecksum(file.sql, row.checksum)) {
      throw new MigrationError(
        `Migration ${file.name} was changed after it was applied (database checksum ${row.checksum}, file checksum ${file.checksum}). Restore the original migration.sql and put the change in a new migration.`,
      );
    }
  }

  const fileNames = new Set(files.map((file) => file.name));
  return {
    pending: files.filter((file) => !appliedRows.has(file.name)),
    alreadyApplied: files.filter((file) => appliedRows.has(file.name)).map((file) => file.name),
    unknownApplied: [...appliedRows.keys()].filter((name) => !fileNames.has(name)),
  };
}

async function applyOne(tx: SqlExecutor, file: MigrationFile): Promise<boolean> {
  // Checked again inside the transaction: on PGlite there is no advisory lock, and two callers in one
  // process are serialised only by PGlite's transaction mutex.
  const existing = await tx.query(
    `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    [file.name],
  );
  if (existing.length > 0) return false;

  const id = randomUUID();
  await tx.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)`,
    [id, file.checksum, file.name],
  );
  try {
    await tx.exec(file.sql);
  } catch (error) {
    throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  await tx.query(
    `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
  return true;
}

async function lock(connection: SqlConnection, timeoutMs: number): Promise<() => Promise<void>> {
  // PGlite is one process with one session; there is nobody to lock out.
  if (connection.engine === 'pglite') return () => Promise.resolve();

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      PRISMA_MIGRATE_ADVISORY_LOCK,
    ]);
    if (row?.locked) break;
    if (Date.now() > deadline) {
      throw new MigrationError(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_MIGRATE_ADVISORY_LOCK})); another process is migrating this database.`,
      );
    }
    await sleep(200);
  }
  return async () => {
    await connection.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
