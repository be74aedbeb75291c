import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface MigrationFile {
  /** Folder name, e.g. `20261123120000_init`; also the `migration_name` recorded in `_prisma_migrations`. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/**
 * Prisma accepts a recorded checksum that matches the file with either line ending, because git may
 * convert them on checkout; doing the same keeps both tools agreeing on what "changed" means.
 */
export function matchesChecksum(sql: string, checksum: string): boolean {
  const lf = sql.replaceAll('\r\n', '\n');
  return [sql, lf, lf.replaceAll('\n', '\r\n')].some((variant) => checksumOf(variant) === checksum);
}

/** Reads Prisma's folder layout: `<dir>/<timestamp>_<name>/migration.sql`, applied in name order. */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  if (!existsSync(migrationsDir)) throw new Error(`Migrations folder ${migrationsDir} does not exist.`);
  await assertPostgresLock(migrationsDir);
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(migrationsDir, name, 'migration.sql');
      if (!existsSync(path)) throw new Error(`Migration folder ${name} has no migration.sql.`);
      const sql = await readFile(path, 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

async function assertPostgresLock(migrationsDir: string): Promise<void> {
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) return;
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(await readFile(lockPath, 'utf8'))?.[1];
  if (provider !== 'postgresql') {
    throw new Error(
      `${lockPath} names provider "${provider ?? '?'}"; these migrations must be written for postgresql.`,
    );
  }
}
