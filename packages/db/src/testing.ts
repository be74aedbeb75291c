import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient } from './client.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { migrate } from './migrations/migrate.js';

// Helpers for integration tests in any package: each test file gets its own database on the server
// named by TEST_DATABASE_URL, so files can run in parallel and leave nothing behind.

export interface ScratchDatabase {
  url: string;
  /** Drops the database, disconnecting anyone still connected. Safe to call twice. A property, so `afterAll(db.drop)` works. */
  drop: () => Promise<void>;
}

export interface TestDatabase extends ScratchDatabase {
  prisma: PrismaClient;
}

export function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: point it at a PostgreSQL server whose role may CREATE DATABASE (scripts/test.sh sets it).',
    );
  }
  return url;
}

/** An empty, uniquely named database, not migrated. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = requireTestDatabaseUrl();
  const name = `certflow_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop: () =>
      (dropped ??= withAdminClient(serverUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      })),
  };
}

/** A fresh database with every migration applied and a connected Prisma client. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const scratch = await createScratchDatabase();
  try {
    await migrate({ databaseUrl: scratch.url });
    const { prisma, close } = await createPrismaClient({ databaseUrl: scratch.url });
    return {
      url: scratch.url,
      prisma,
      drop: async () => {
        await close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
