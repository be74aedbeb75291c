import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '@certflow/testkit';

import { buildWorld, insertTask, sessionOf, type World } from '../../../test/support/world.js';
import { sessionCookie, type Session } from '../../../test/fixtures.js';
import { createTestApp, type ErrorBody, server } from '../../../test/test-app.js';

const LIMIT = 64 * 1024;
// A real PNG signature and IHDR chunk: enough for the bytes to say what they are.
const png = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000a49444154789c6360000000020001e221bc330000000049454e44ae426082', 'hex'),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  evidence: {
    id: string;
    sha256: string;
    contentType: string;
    fileName: string;
    title: string;
    sizeBytes: number;
    taskId: string | null;
    requirementId: string | null;
    uploadedBy: string;
    downloadUrl: string;
  };
  storage: 'stored' | 'reused';
  duplicate: boolean;
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

// Real app, real PostgreSQL, files on a real disk (a temporary EVIDENCE_DIR).
describe('evidence: streaming upload, checksum, detected type, download', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let evidenceDir: string;
  let owner: Session;
  let manager: Session;
  let taskId: string;
  let othersTaskId: string;

  beforeAll(async () => {
    evidenceDir = await mkdtemp(join(tmpdir(), 'certflow-evidence-'));
    db = await createTestDatabase();
    ({ app } = await createTestApp({
      databaseUrl: db.url,
      temporalAddress: inject('temporalAddress'),
      queryTimeoutMs: 200,
      env: {
        EVIDENCE_DIR: evidenceDir,
        EVIDENCE_MAX_BYTES: String(LIMIT),
        PUBLIC_WEB_URL: 'https://certflow.example',
      },
    }));
    world = await buildWorld(app, db.prisma, 'Evidence Co');
    taskId = (await db.prisma.remediationTask.findFirstOrThrow({ where: { programId: world.program.id } }))
      .id;
    othersTaskId = (await insertTask(db.prisma, world.program.id, 'someone@else.example', 'Someone else’s'))
      .id;
    owner = await sessionOf(app, world, 'control_owner');
    manager = await sessionOf(app, world, 'program_manager');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await rm(evidenceDir, { recursive: true, force: true });
  });

  const upload = (session: Session, fields: Record<string, string>, bytes: Buffer, fileName = 'scan.pdf') => {
    const req = session.post(`/programs/${world.program.id}/evidence`);
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    // The client claims HTML; the bytes decide.
    return req.attach('file', bytes, { filename: fileName, contentType: 'text/html' });
  };

  it('stores a control owner’s file for their own task, content-addressed, with the type from its bytes', async () => {
    const res = await upload(
      owner,
      { title: 'Access review export', taskId },
      png,
      '../../etc/passwd',
    ).expect(201);
    const body = res.body as Upload;
    expect(body.storage).toBe('stored');
    expect(body.duplicate).toBe(false);
    expect(body.evidence).toMatchObject({
      sha256: sha256(png),
      contentType: 'image/png',
      sizeBytes: png.length,
      fileName: 'passwd',
      title: 'Access review export',
      taskId,
      uploadedBy: world.people.control_owner.email,
      downloadUrl: `https://certflow.example/api/evidence/${body.evidence.id}/download`,
    });
    const stored = join(evidenceDir, world.organization.id, sha256(png).slice(0, 2), sha256(png));
    expect(await readFile(stored)).toEqual(png);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { type: 'evidence.uploaded' } });
    expect(event).toMatchObject({ programId: world.program.id, actor: world.people.control_owner.email });
    expect(event.payload).toMatchObject({ evidenceId: body.evidence.id, sha256: sha256(png), taskId });
  });

  it('recognises the same bytes: the same links return the earlier evidence, new links reuse the file', async () => {
    const again = (await upload(owner, { taskId }, png).expect(200)).body as Upload;
    expect(again).toMatchObject({ storage: 'reused', duplicate: true });
    const linked = (await upload(manager, { requirementId: 'iso27001:A.5.15' }, png, 'same.png').expect(201))
      .body as Upload;
    expect(linked).toMatchObject({ storage: 'reused', duplicate: false });
    expect(linked.evidence.requirementId).toBe('iso27001:A.5.15');
    const files = (await filesUnder(evidenceDir)).filter((f) => f.endsWith(sha256(png)));
    expect(files).toHaveLength(1);
    expect(await db.prisma.evidenceBlob.count()).toBe(1);
  });

  it('refuses a file over the limit with 413 naming it, and leaves no partial file behind', async () => {
    const big = Buffer.alloc(LIMIT + 1, 7);
    const res = await upload(manager, { taskId }, big).expect(413);
    expect((res.body as ErrorBody).message).toContain(`${LIMIT} bytes`);
    expect(await filesUnder(join(evidenceDir, 'tmp'))).toEqual([]);
    expect(await db.prisma.evidenceBlob.count({ where: { sha256: sha256(big) } })).toBe(0);
    // Exactly at the limit is fine.
    await upload(manager, { taskId }, Buffer.alloc(LIMIT, 7)).expect(201);
  });

  it('deletes the partial file when the client goes away mid-upload', async () => {
    const cookie = await sessionCookie(app, world.people.control_owner);
    const http = server(app);
    if (!http.listening) await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const boundary = 'certflowboundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="taskId"\r\n\r\n${taskId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n';
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/programs/${world.program.id}/evidence`,
      headers: {
        cookie,
        origin: 'http://localhost:5173',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + 40_000),
      },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(Buffer.alloc(20_000, 1));
    await eventually(
      'the partial file',
      async () => (await filesUnder(join(evidenceDir, 'tmp'))).length === 1,
    );
    req.destroy();
    await eventually('its deletion', async () => (await filesUnder(join(evidenceDir, 'tmp'))).length === 0);
  });

  it.each([
    ['no link', {}, 400, 'taskId'],
    ['an unknown task', { taskId: '00000000-0000-4000-8000-000000000000' }, 400, 'taskId'],
    ['a requirement of another framework', { requirementId: 'soc2:CC6.1' }, 400, 'requirementId'],
    ['an unknown requirement', { requirementId: 'iso27001:A.5.99' }, 400, 'requirementId'],
    ['a malformed audit id', { auditId: 'Stage 1!' }, 400, 'auditId'],
    ['an unknown field', { owner: 'x', taskId: 'y' }, 400, 'owner'],
  ])('rejects %s (%o) with %i naming %s', async (_, fields, status, path) => {
    const res = await upload(manager, fields as Record<string, string>, png).expect(status);
    expect((res.body as ErrorBody).errors?.map((e) => e.path)).toContain(path);
  });

  it('needs the file, multipart, and the fields before the file', async () => {
    const noFile = await manager
      .post(`/programs/${world.program.id}/evidence`)
      .field('taskId', taskId)
      .expect(400);
    expect((noFile.body as ErrorBody).errors).toEqual([{ path: 'file', message: 'Required' }]);
    const json = await manager.post(`/programs/${world.program.id}/evidence`).send({ taskId }).expect(400);
    expect((json.body as ErrorBody).errors?.[0]?.path).toBe('Content-Type');
    const late = await manager
      .post(`/programs/${world.program.id}/evidence`)
      .attach('file', png, 'a.png')
      .field('taskId', taskId)
      .expect(400);
    expect((late.body as ErrorBody).errors?.[0]).toEqual({
      path: 'taskId',
      message: 'send the fields before the file',
    });
  });

  it('lets a control owner attach only to their own open tasks', async () => {
    const others = await upload(owner, { taskId: othersTaskId }, png).expect(403);
    expect((others.body as ErrorBody).code).toBe('forbidden');
    await upload(owner, { requirementId: 'iso27001:A.5.15' }, png).expect(403);
    await db.prisma.remediationTask.update({ where: { id: othersTaskId }, data: { status: 'DONE' } });
    await upload(manager, { taskId: othersTaskId }, png).expect(409);
  });

  it('refuses a cookie upload from an untrusted origin, and roles without evidence.upload', async () => {
    const res = await owner
      .post(`/programs/${world.program.id}/evidence`)
      .set('Origin', 'https://evil.example')
      .field('taskId', taskId)
      .attach('file', png, 'a.png')
      .expect(403);
    expect((res.body as ErrorBody).code).toBe('csrf');
    const executive = await sessionOf(app, world, 'executive');
    await upload(executive, { taskId }, png).expect(403);
  });

  it('serves downloads as attachments with nosniff, never as HTML, to those who may see the program', async () => {
    const html = Buffer.from('<!DOCTYPE html><script>alert(document.cookie)</script>');
    const up = (await upload(manager, { taskId, title: 'Page' }, html, 'page.html').expect(201))
      .body as Upload;
    expect(up.evidence.contentType).toBe('text/html');
    for (const role of ['control_owner', 'auditor', 'executive'] as const) {
      const session = await sessionOf(app, world, role);
      const res = await session
        .get(`/evidence/${up.evidence.id}/download`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="page.html"; filename*=UTF-8''page.html`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body as Buffer).toEqual(html);
    }
    const pngUp = await db.prisma.evidence.findFirstOrThrow({ where: { sha256: sha256(png) } });
    const pngRes = await manager.get(`/evidence/${pngUp.id}/download`).expect(200);
    expect(pngRes.headers['content-type']).toBe('image/png');
  });

  it('hides evidence of programs the caller may not see behind the same 404', async () => {
    const hidden = (
      await manager
        .post(`/programs/${world.otherProgram.id}/evidence`)
        .field('requirementId', 'iso27001:A.5.1')
        .attach('file', Buffer.from('minutes of the review'), 'minutes.txt')
        .expect(201)
    ).body as Upload;
    expect(hidden.evidence.contentType).toBe('text/plain');
    for (const role of ['control_owner', 'auditor'] as const) {
      const session = await sessionOf(app, world, role);
      const res = await session.get(`/evidence/${hidden.evidence.id}/download`).expect(404);
      expect(res.body).toEqual({ message: `Evidence ${hidden.evidence.id} not found` });
      await session.get(`/programs/${world.otherProgram.id}/evidence`).expect(404);
    }
    const outsider = await request.agent(server(app)).get(`/evidence/${hidden.evidence.id}/download`);
    expect(outsider.status).toBe(401);
  });

  it('lists a program’s evidence newest first, by task, in pages', async () => {
    const first = await manager.get(`/programs/${world.program.id}/evidence?limit=2`).expect(200);
    const page = first.body as { items: Upload['evidence'][]; nextCursor: string | null };
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const rest = await manager
      .get(`/programs/${world.program.id}/evidence?limit=50&cursor=${page.nextCursor}`)
      .expect(200);
    const all = [...page.items, ...(rest.body as typeof page).items];
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.length).toBe(await db.prisma.evidence.count({ where: { programId: world.program.id } }));
    const byTask = await owner.get(`/programs/${world.program.id}/evidence?taskId=${taskId}`).expect(200);
    expect((byTask.body as typeof page).items.every((e) => e.taskId === taskId)).toBe(true);
    const bad = await manager.get(`/programs/${world.program.id}/evidence?cursor=nonsense`).expect(400);
    expect((bad.body as ErrorBody).errors?.[0]?.path).toBe('cursor');
  });
});
