import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '@certflow/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { buildWorld, insertTask, sessionOf, type World } from '../../../test/support/world.js';
import { createTestApp, type ErrorBody } from '../../../test/test-app.js';
import type { TaskDetailView } from './tasks.schemas.js';

describe('task detail and comments', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let world: World;
  let taskId: string;
  let hiddenTaskId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await createTestApp({ databaseUrl: db.url, temporalAddress: inject('temporalAddress') }));
    world = await buildWorld(app, db.prisma, 'Detail Co');
    taskId = (await db.prisma.remediationTask.findFirstOrThrow({ where: { programId: world.program.id } }))
      .id;
    hiddenTaskId = (await insertTask(db.prisma, world.otherProgram.id, 'else@detail.example', 'Hidden')).id;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('shows the requirement with its catalog title, its links across frameworks and what the viewer may do', async () => {
    const owner = await sessionOf(app, world, 'control_owner');
    const detail = (await owner.get(`/tasks/${taskId}`).expect(200)).body as TaskDetailView;
    expect(detail.requirements).toEqual([
      { id: 'iso27001:A.5.15', framework: 'iso27001', title: expect.any(String) as string },
    ]);
    expect(detail.links.length).toBeGreaterThan(0);
    expect(detail.links.every((l) => l.from === 'iso27001:A.5.15' && !l.id.startsWith('iso27001:'))).toBe(
      true,
    );
    expect(detail.program).toMatchObject({ id: world.program.id });
    expect(detail.viewer).toEqual({
      canComment: true,
      canUploadEvidence: true,
      canComplete: true,
      canReassign: false,
    });
    const auditor = await sessionOf(app, world, 'auditor');
    const read = (await auditor.get(`/tasks/${taskId}`).expect(200)).body as TaskDetailView;
    expect(read.viewer).toEqual({
      canComment: false,
      canUploadEvidence: false,
      canComplete: false,
      canReassign: false,
    });
  });

  it('adds comments in order, audited with the author, and names a bad body', async () => {
    const owner = await sessionOf(app, world, 'control_owner');
    const manager = await sessionOf(app, world, 'program_manager');
    await owner.post(`/tasks/${taskId}/comments`).send({ body: 'Export attached tomorrow' }).expect(201);
    await manager.post(`/tasks/${taskId}/comments`).send({ body: 'Thanks' }).expect(201);
    const detail = (await manager.get(`/tasks/${taskId}`).expect(200)).body as TaskDetailView;
    expect(detail.comments.map((c) => [c.author, c.body])).toEqual([
      [world.people.control_owner.email, 'Export attached tomorrow'],
      [world.people.program_manager.email, 'Thanks'],
    ]);
    const events = await db.prisma.auditEvent.findMany({ where: { type: 'task.comment-added' } });
    expect(events.map((e) => e.actor).sort()).toEqual(
      [world.people.control_owner.email, world.people.program_manager.email].sort(),
    );
    for (const body of [{ body: '   ' }, { body: 'x'.repeat(4001) }, {}]) {
      const res = await manager.post(`/tasks/${taskId}/comments`).send(body).expect(400);
      expect((res.body as ErrorBody).errors?.[0]?.path).toBe('body');
    }
  });

  it('keeps control owners to their own tasks and hides tasks of programs the caller may not see', async () => {
    const othersTask = (await insertTask(db.prisma, world.program.id, 'colleague@detail.example', 'Theirs'))
      .id;
    const owner = await sessionOf(app, world, 'control_owner');
    const res = await owner.post(`/tasks/${othersTask}/comments`).send({ body: 'Mine now?' }).expect(403);
    expect((res.body as ErrorBody).code).toBe('forbidden');
    for (const role of ['control_owner', 'auditor'] as const) {
      const session = await sessionOf(app, world, role);
      const hidden = await session.get(`/tasks/${hiddenTaskId}`).expect(404);
      expect(hidden.body).toEqual({ message: `Task ${hiddenTaskId} not found` });
    }
  });
});
