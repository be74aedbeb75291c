import type { DatabaseOptions } from '../config.js';
import { openSqlConnection } from '../sql-connection.js';
import { runMigrations, type MigrateOptions, type MigrateResult } from './run-migrations.js';

/**
 * Opens its own connection, applies pending migrations and closes it.
 * With PGlite, do not call this while a client from createPrismaClient() holds the same data folder;
 * use that handle's `migrate()` instead.
 */
export async function migrate(options: DatabaseOptions & MigrateOptions = {}): Promise<MigrateResult> {
  const connection = await openSqlConnection(options);
  try {
    return await runMigrations(connection, options);
  } finally {
    await connection.close();
  }
}
