import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseOptions } from './config.js';
import { PrismaClient } from './generated/prisma/client.js';
import { runMigrations, type MigrateOptions, type MigrateResult } from './migrations/run-migrations.js';
import { defaultPgliteDataDir } from './paths.js';
import { openPgliteDatabase, openPostgresConnection, pgliteConnection } from './sql-connection.js';

/** Functions are properties, not methods, so destructuring `{ prisma, close }` is safe. */
export interface DatabaseHandle {
  prisma: PrismaClient;
  engine: 'postgres' | 'pglite';
  /** Applies pending migrations to this database (through the same PGlite instance when embedded). */
  migrate: (options?: MigrateOptions) => Promise<MigrateResult>;
  /** Disconnects Prisma and, for PGlite, closes the embedded database. Safe to call twice. */
  close: () => Promise<void>;
}

/**
 * Connects to PostgreSQL when `databaseUrl` is given, otherwise opens embedded PGlite in
 * `pgliteDataDir` (default `.data/pglite` at the repository root). Does not migrate by itself.
 */
export async function createPrismaClient(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const { databaseUrl } = options;
  if (databaseUrl) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    return {
      prisma,
      engine: 'postgres',
      async migrate(migrateOptions) {
        const connection = await openPostgresConnection(databaseUrl);
        try {
          return await runMigrations(connection, migrateOptions);
        } finally {
          await connection.close();
        }
      },
      close: once(() => prisma.$disconnect()),
    };
  }

  const pglite = await openPgliteDatabase(options.pgliteDataDir ?? defaultPgliteDataDir());
  return pgliteHandle(pglite);
}

function pgliteHandle(pglite: PGlite): DatabaseHandle {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    engine: 'pglite',
    migrate: (migrateOptions) => runMigrations(pgliteConnection(pglite, { owned: false }), migrateOptions),
    close: once(async () => {
      await prisma.$disconnect();
      await pglite.close();
    }),
  };
}

/** Cheap round trip for health checks; resolves to false instead of throwing so probes can report it. */
export async function pingDatabase(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}
