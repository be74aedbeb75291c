import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type DatabaseHandle } from './client.js';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';

describe('embedded PGlite server', () => {
  let dataDir: string;
  let server: EmbeddedServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'certflow-embedded-'));
    server = await startEmbeddedServer({ dataDir, port: 0 });
  });

  afterAll(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the migrated schema to the Prisma pg adapter', async () => {
    const handle: DatabaseHandle = await createPrismaClient({ databaseUrl: server.url });
    try {
      const organization = await handle.prisma.organization.create({
        data: { name: 'Embedded Org', slug: 'embedded-org' },
      });
      const found = await handle.prisma.organization.findUnique({ where: { slug: 'embedded-org' } });
      expect(found?.id).toBe(organization.id);
    } finally {
      await handle.close();
    }
  });

  it("keeps one client out of another client's open transaction", async () => {
    const a = new pg.Client({ connectionString: server.url });
    const b = new pg.Client({ connectionString: server.url });
    await a.connect();
    await b.connect();
    try {
      await a.query('BEGIN');
      await a.query(`INSERT INTO organizations (name, slug) VALUES ('Tx Org', 'tx-org')`);
      // PGlite has a single session: without the server's queueing, b's read would run inside a's
      // transaction and see the row that a is about to roll back.
      const bRead = b.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM organizations WHERE slug = 'tx-org'`,
      );
      await a.query('ROLLBACK');
      expect((await bRead).rows[0]?.n).toBe('0');
    } finally {
      await a.end();
      await b.end();
    }
  });
});
