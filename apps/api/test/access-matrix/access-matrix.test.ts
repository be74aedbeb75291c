import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { type RunningOidcProvider, startOidcProvider } from '@certflow/testkit/oidc';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { renderOpenApiDocument } from '../../src/openapi/document-only.module.js';
import { createOrganizationWithAdmin, type Person, signIn } from '../fixtures.js';
import { buildWorld, type World } from '../support/world.js';
import { createTestApp, server, TRUSTED_ORIGIN } from '../test-app.js';
import { type CallerName, callers } from './expectations.js';
import { type Context, matrix } from './routes.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** For an endless event stream: stop at the first bytes; error bodies (JSON) are read whole as usual. */
function firstChunkOnly(res: IncomingMessage, done: (error: Error | null, body: unknown) => void) {
  let text = '';
  res.setEncoding('utf8');
  if (String(res.headers['content-type']).startsWith('text/event-stream')) {
    res.once('data', () => {
      done(null, {});
      res.destroy();
    });
    return;
  }
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => done(null, text ? JSON.parse(text) : {}));
}

// Every path and method of the OpenAPI document the API serves (the committed one, by the drift test).
const document = JSON.parse(await renderOpenApiDocument()) as {
  paths: Record<string, Record<string, unknown>>;
};
const documentedRoutes = Object.entries(document.paths).flatMap(([path, operations]) =>
  Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
);

describe('every route in the OpenAPI document has an expected outcome for every caller', () => {
  it('has a row for each documented route, and no row for a route that is gone', () => {
    expect(documentedRoutes.filter((route) => !(route in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((route) => !documentedRoutes.includes(route))).toEqual([]);
  });
});

describe('the role × route matrix (real PostgreSQL, real Temporal, a real OIDC provider)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let provider: RunningOidcProvider;
  let world: World;
  let outsider: Person;
  let ctx: Context;
  let evidenceDir: string;

  beforeAll(async () => {
    [db, provider] = await Promise.all([
      createTestDatabase(),
      startOidcProvider({
        clients: [
          { clientId: 'certflow', clientSecret: 'matrix-secret', redirectUris: ['http://localhost:5173/cb'] },
        ],
        accounts: [],
      }),
    ]);
    // No worker runs here: program reads fall back to the database quickly.
    evidenceDir = await mkdtemp(join(tmpdir(), 'certflow-matrix-evidence-'));
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
      env: { EVIDENCE_DIR: evidenceDir },
    }));
    world = await buildWorld(app, db.prisma);
    outsider = (await createOrganizationWithAdmin(app, 'Globex')).admin;
    const sso = await createOrganizationWithAdmin(app, 'Initech');
    await sso.session
      .put(`/organizations/${sso.organization.id}/sso`)
      .send({ issuer: provider.issuer, clientId: 'certflow', clientSecret: 'matrix-secret' })
      .expect(200);
    ctx = {
      app,
      prisma: db.prisma,
      world,
      ssoOrganizationSlug: sso.organization.slug,
      issuer: provider.issuer,
    };
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await db?.drop();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  /** A client for one cell: a fresh session (so sign-out and rotation never reach another cell). */
  async function clientFor(caller: CallerName) {
    switch (caller) {
      case 'anonymous': {
        return request.agent(server(app)).set('Origin', TRUSTED_ORIGIN);
      }
      case 'apiToken':
        return request
          .agent(server(app))
          .set('Origin', TRUSTED_ORIGIN)
          .set('Authorization', `Bearer ${world.tokenSecret}`);
      case 'otherOrganization':
        return signIn(app, outsider);
      default:
        return signIn(app, world.people[caller]);
    }
  }

  it.each(documentedRoutes)('%s', async (route) => {
    const row = matrix[route];
    if (!row) throw new Error(`${route} has no row in test/access-matrix/routes.ts`);
    const method = route.split(' ')[0]!.toLowerCase() as Method;
    const mismatches: string[] = [];
    for (const caller of callers) {
      const call = await row.request(ctx);
      const client = await clientFor(caller);
      const pending = client[method](call.path);
      if (call.upload) {
        for (const [name, value] of Object.entries(call.upload.fields)) void pending.field(name, value);
        void pending.attach('file', call.upload.file, call.upload.fileName);
      }
      if (call.stream)
        void pending.buffer(false).parse(firstChunkOnly as unknown as Parameters<typeof pending.parse>[0]);
      const res = await (call.body ? pending.send(call.body) : pending);
      const expected = row.expect[caller];
      if (res.status !== expected) {
        mismatches.push(`${caller}: ${res.status} (expected ${expected}) ${JSON.stringify(res.body)}`);
        continue;
      }
      if (res.status === 404) {
        // The same words as for something that does not exist, and nothing else.
        expect(res.body).toEqual({
          message: expect.stringMatching(/^[A-Za-z ]+ [0-9a-f-]{36} not found$/) as string,
        });
      }
      if (res.status === 401 || res.status === 403) {
        expect(Object.keys(res.body as object).sort()).toEqual(['code', 'message']);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
