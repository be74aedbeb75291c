import { randomUUID } from 'node:crypto';

import { actionPath, programActions } from '@certflow/contracts/domain';
import { type Permission, permissionRoles, type Role } from '@certflow/contracts/access';
import request from 'supertest';

import { today } from '../support/world.js';
import { server } from '../test-app.js';
import { members } from './expectations.js';
// Only used when a row is called, after both modules have loaded (routes.ts spreads these rows).
import { type Context, org, type Row, unique } from './routes.js';

// The program-operations routes (issue 11): workflow actions, the read model's records, implementation statuses,
// gap assessments, the Statement of Applicability, tasks, evidence, the audit trail and live updates.

/** The control owner's task in the world's program (the auditor is granted that program). */
async function worldTask(ctx: Context) {
  return (await ctx.prisma.remediationTask.findFirstOrThrow({ where: { programId: ctx.world.program.id } }))
    .id;
}

/** Evidence stored through the API with the program manager token, so its file exists on disk. */
async function evidence(ctx: Context) {
  const res = await request(server(ctx.app))
    .post(`/programs/${ctx.world.program.id}/evidence`)
    .set('Authorization', `Bearer ${ctx.world.tokenSecret}`)
    .field('requirementId', 'iso27001:A.5.15')
    .attach('file', Buffer.from(`matrix ${unique()}`), 'matrix.txt')
    .expect(201);
  return (res.body as { evidence: { id: string } }).evidence.id;
}
/** A program row of its own (its workflow is never started: these routes stop before the workflow). */
async function isoProgram(ctx: Context, withAssessment = false) {
  const id = randomUUID();
  const organizationId = ctx.world.organization.id;
  await ctx.prisma.program.create({
    data: {
      id,
      organizationId,
      name: `Matrix AIMS ${unique()}`,
      kind: 'ISO_CERTIFICATION',
      frameworks: ['iso42001'],
      workflowId: `program:${organizationId}:${id}`,
      config: { startDate: today(), programManagerEmail: 'pm@acme.example' },
    },
  });
  if (withAssessment) {
    await ctx.prisma.gapAssessment.create({
      data: { organizationId, programId: id, frameworks: ['iso42001'], startedBy: 'matrix@acme.example' },
    });
  }
  return id;
}

/**
 * Every workflow action, on the world's ISO program. No worker runs in the matrix, so an allowed caller is shown to
 * pass the guard by reaching validation (an empty body: 400) instead of waiting for the workflow, or, for a SOC 2
 * action, the 409 that an ISO program has no such action. program-actions.workflow.test.ts runs them for real.
 */
function actionRows(): Record<string, Row> {
  const holders: Record<Permission, Role[]> = permissionRoles as unknown as Record<Permission, Role[]>;
  return Object.fromEntries(
    programActions.map((action) => [
      `POST /programs/{id}/actions/${actionPath(action.name)}`,
      {
        expect: members([...holders[action.permission]], action.bodies.ISO_CERTIFICATION ? 400 : 409),
        request: (ctx: Context) => ({
          path: `/programs/${ctx.world.program.id}/actions/${actionPath(action.name)}`,
          body: {},
        }),
      },
    ]),
  );
}

export const operationsRows: Record<string, Row> = {
  ...actionRows(),
  'GET /programs/{id}/records': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `/programs/${ctx.world.program.id}/records` }),
  },
  'GET /organizations/{organizationId}/findings': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/findings?status=unresolved&severity=MAJOR` }),
  },
  'GET /organizations/{organizationId}/schedule': {
    expect: members(['admin', 'program_manager', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/schedule?from=2026-01-01&to=2026-12-31&category=audit` }),
  },
  'GET /organizations/{organizationId}/my-tasks': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive'], 200, 403),
    request: (ctx) => ({ path: `${org(ctx)}/my-tasks` }),
  },
  'GET /organizations/{organizationId}/requirement-statuses': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/requirement-statuses` }),
  },
  'PUT /organizations/{organizationId}/requirement-statuses': {
    expect: members(['admin', 'program_manager'], 200),
    request: (ctx) => ({
      path: `${org(ctx)}/requirement-statuses`,
      body: { items: [{ requirementId: 'iso27001:A.5.15', status: 'implemented' }] },
    }),
  },
  // The auditor is granted the world's program and the control owner owns a task in it.
  'GET /programs/{id}/gap-assessment': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `/programs/${ctx.world.program.id}/gap-assessment` }),
  },
  'POST /programs/{id}/gap-assessment': {
    expect: members(['admin', 'program_manager'], 201),
    request: async (ctx) => ({ path: `/programs/${await isoProgram(ctx)}/gap-assessment`, body: {} }),
  },
  'PATCH /programs/{id}/gap-assessment/items': {
    expect: members(['admin', 'program_manager'], 200),
    request: async (ctx) => ({
      path: `/programs/${await isoProgram(ctx, true)}/gap-assessment/items`,
      body: { items: [{ requirementId: 'iso42001:9.2.1', status: 'partial' }] },
    }),
  },
  // An allowed caller passes the guard and reaches the draft's own rule (items unanswered: 422); the workflow
  // part is in gap-assessment.workflow.test.ts.
  'POST /programs/{id}/gap-assessment/finalise': {
    expect: members(['admin', 'program_manager'], 422),
    request: async (ctx) => ({
      path: `/programs/${await isoProgram(ctx, true)}/gap-assessment/finalise`,
      body: {},
    }),
  },
  'GET /programs/{id}/statement-of-applicability': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `/programs/${ctx.world.program.id}/statement-of-applicability` }),
  },
  'PUT /programs/{id}/statement-of-applicability': {
    expect: members(['admin', 'program_manager'], 200),
    request: (ctx) => ({
      path: `/programs/${ctx.world.program.id}/statement-of-applicability`,
      body: { entries: [{ requirementId: 'iso27001:A.5.7', applicable: true }] },
    }),
  },
  'GET /programs/{id}/statement-of-applicability/csv': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `/programs/${ctx.world.program.id}/statement-of-applicability/csv` }),
  },
  // Every role sees the world's program (granted to the auditor, holding the control owner's task).
  'GET /tasks/{id}': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: async (ctx) => ({ path: `/tasks/${await worldTask(ctx)}` }),
  },
  'POST /tasks/{id}/comments': {
    expect: members(['admin', 'program_manager', 'control_owner'], 201),
    request: async (ctx) => ({
      path: `/tasks/${await worldTask(ctx)}/comments`,
      body: { body: 'Matrix note' },
    }),
  },
  'POST /programs/{id}/evidence': {
    expect: members(['admin', 'program_manager', 'control_owner'], 201),
    request: async (ctx) => ({
      path: `/programs/${ctx.world.program.id}/evidence`,
      upload: {
        fields: { taskId: await worldTask(ctx) },
        file: Buffer.from(`matrix upload ${unique()}`),
        fileName: 'upload.txt',
      },
    }),
  },
  'GET /programs/{id}/evidence': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `/programs/${ctx.world.program.id}/evidence` }),
  },
  'GET /evidence/{id}/download': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: async (ctx) => ({ path: `/evidence/${await evidence(ctx)}/download` }),
  },
  'GET /organizations/{organizationId}/audit-events': {
    expect: members(['admin', 'program_manager', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/audit-events` }),
  },
  'GET /organizations/{organizationId}/audit-events.csv': {
    expect: members(['admin', 'program_manager', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/audit-events.csv` }),
  },
  'GET /organizations/{organizationId}/events/stream': {
    expect: members(['admin', 'program_manager', 'control_owner', 'executive', 'auditor'], 200),
    request: (ctx) => ({ path: `${org(ctx)}/events/stream`, stream: true }),
  },
};
