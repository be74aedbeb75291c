import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { runMigrations } from './migrations/run-migrations.js';
import { openPgliteDatabase, pgliteConnection } from './sql-connection.js';

export interface EmbeddedServerOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Clients share one PGlite instance; the server queues their queries and keeps transactions apart. */
  maxConnections?: number;
}

export interface EmbeddedServer {
  /** postgres:// URL that the API, the worker and psql can use. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * PGlite is an in-process database, but the API and the worker are separate processes. Serving the one
 * PGlite instance over the PostgreSQL wire protocol lets both use it through the ordinary `pg` adapter, so
 * the embedded default and a real PostgreSQL server are driven by the same code.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const host = options.host ?? '127.0.0.1';
  const db = await openPgliteDatabase(options.dataDir);
  await runMigrations(pgliteConnection(db, { owned: false }));
  const server = new PGLiteSocketServer({
    db,
    host,
    port: options.port ?? 5433,
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    stop: () =>
      (stopping ??= (async () => {
        await server.stop();
        await db.close();
      })()),
  };
}
