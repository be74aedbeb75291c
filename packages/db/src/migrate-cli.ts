#!/usr/bin/env node
// Applies pending migrations to DATABASE_URL, or to the embedded PGlite folder when it is unset.
import { z } from 'zod';
import { loadDatabaseOptions } from './config.js';
import { migrate } from './migrations/migrate.js';
import { defaultPgliteDataDir } from './paths.js';

try {
  const options = loadDatabaseOptions();
  const target = options.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `PGlite at ${options.pgliteDataDir ?? defaultPgliteDataDir()}`;
  console.log(`Migrating ${target}`);
  const result = await migrate({ ...options, log: (message) => console.log(message) });
  console.log(
    result.applied.length === 0
      ? `Nothing to apply; ${result.alreadyApplied.length} migrations already applied.`
      : `Applied ${result.applied.length} migrations.`,
  );
  for (const name of result.unknownApplied) {
    console.warn(`Warning: ${name} is recorded in the database but not present in this build.`);
  }
} catch (error) {
  console.error(
    error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : error,
  );
  process.exitCode = 1;
}
