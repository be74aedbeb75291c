import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseOptions } from './config.js';
import { defaultPgliteDataDir } from './paths.js';

/** The few operations the migration runner and the schema checker need, on either engine. */
export interface SqlExecutor {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<Row[]>;
  /** Runs a script that may hold several statements. */
  exec(script: string): Promise<void>;
}

export interface SqlConnection extends SqlExecutor {
  readonly engine: 'postgres' | 'pglite';
  /** Commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** One dedicated session (not a pool), so session-level advisory locks and transactions behave. */
export async function openPostgresConnection(databaseUrl: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const executor: SqlExecutor = {
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await client.query(script);
    },
  };
  return {
    engine: 'postgres',
    ...executor,
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work(executor);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A failed ROLLBACK (e.g. the connection dropped) must not hide the error that caused it.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    close: () => client.end(),
  };
}

export async function openPgliteDatabase(dataDir: string): Promise<PGlite> {
  await mkdir(dataDir, { recursive: true });
  return PGlite.create(dataDir);
}

/**
 * Wraps a PGlite instance. PGlite allows one instance per data folder, so callers that already hold one
 * (the Prisma client) pass it in and keep ownership; `close()` then leaves it open.
 */
export function pgliteConnection(db: PGlite, { owned }: { owned: boolean }): SqlConnection {
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]) {
      const result = await target.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await target.exec(script);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(db),
    // PGlite's own transaction() holds its mutex, so queries from the Prisma client on the same
    // instance wait instead of landing inside a migration's transaction.
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: async () => {
      if (owned) await db.close();
    },
  };
}

export async function openSqlConnection(options: DatabaseOptions = {}): Promise<SqlConnection> {
  if (options.databaseUrl) return openPostgresConnection(options.databaseUrl);
  const db = await openPgliteDatabase(options.pgliteDataDir ?? defaultPgliteDataDir());
  return pgliteConnection(db, { owned: true });
}
