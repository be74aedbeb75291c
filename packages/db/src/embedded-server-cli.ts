#!/usr/bin/env node
// Serves the embedded PGlite database on 127.0.0.1 (EMBEDDED_DB_PORT, default 5433) for `npm start`.
import { z } from 'zod';
import { startEmbeddedServer } from './embedded-server.js';
import { defaultPgliteDataDir } from './paths.js';

const env = z
  .object({
    PGLITE_DATA_DIR: z.string().min(1).optional(),
    EMBEDDED_DB_HOST: z.string().min(1).default('127.0.0.1'),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(5433),
  })
  .parse(process.env);

const dataDir = env.PGLITE_DATA_DIR ?? defaultPgliteDataDir();
const server = await startEmbeddedServer({ dataDir, host: env.EMBEDDED_DB_HOST, port: env.EMBEDDED_DB_PORT });
console.log(`Embedded PostgreSQL (PGlite, data in ${dataDir}) ready at ${server.url}`);

// PGlite flushes its data folder on close, so stop cleanly on the usual signals.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
