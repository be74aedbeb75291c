import { addDays, addMonths, calendarDateOf } from '@certflow/contracts';
import { eventually } from '@certflow/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createOrganizationWithAdmin,
  isoProgramBody,
  memberSession,
  type Person,
  programsPath,
  type Session,
  soc2ProgramBody,
} from '../../../test/fixtures.js';
import { type RunningStack, startRunningStack } from '../../../test/support/running-stack.js';
import type { ErrorBody } from '../../../test/test-app.js';
import type { Program, ProgramDetail } from '../programs/programs.schemas.js';

interface Task {
  id: string;
  title: string;
  ownerEmail: string;
  status: string;
}

// Every workflow action over HTTP against a real worker: the refusals with their status, rule and message, the
// override offered with a 422, idempotent retries, the control owner's own tasks, and the read model behind it.
describe('POST /programs/{id}/actions/* on a real worker', () => {
  let stack: RunningStack;
  let organizationId: string;
  let pm: Session;
  let owner: Person;
  let ownerSession: Session;
  let executive: Session;
  const today = calendarDateOf(Date.now());

  beforeAll(async () => {
    stack = await startRunningStack();
    const world = await createOrganizationWithAdmin(stack.app);
    organizationId = world.organization.id;
    ({ session: pm } = await memberSession(stack.app, organizationId, 'program_manager', 'pm'));
    ({ person: owner, session: ownerSession } = await memberSession(
      stack.app,
      organizationId,
      'control_owner',
      'owner',
    ));
    ({ session: executive } = await memberSession(stack.app, organizationId, 'executive', 'exec'));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function newProgram(body: object): Promise<Program> {
    const program = (await pm.post(programsPath(organizationId)).send(body).expect(201)).body as Program;
    // Wait for the worker: the first projection has written the stage.
    await eventually(
      () => `the first projection of ${program.id}\n${stack.workerOutput()}`,
      async () =>
        (await stack.db.prisma.program.findUnique({ where: { id: program.id } }))?.stage ? true : undefined,
    );
    return program;
  }

  const act = (session: Session, programId: string, action: string, body: object, key?: string) => {
    const request = session.post(`/programs/${programId}/actions/${action}`);
    return (key ? request.set('Idempotency-Key', key) : request).send(body);
  };

  describe('an ISO program', () => {
    let program: Program;
    let tasks: Task[];

    beforeAll(async () => {
      program = await newProgram(isoProgramBody({ frameworks: ['iso27001'], startDate: today }));
    });

    it('refuses Stage 1 during the gap assessment (409) and before the internal audit (422), naming the rule', async () => {
      const early = await act(pm, program.id, 'schedule-audit', {
        audit: 'stage1',
        date: addDays(today, 30),
      });
      expect(early.status).toBe(409);
      expect(early.body).toEqual({
        message: 'Stage 1 cannot be scheduled while the program is in GAP_ASSESSMENT.',
        code: 'action_conflict',
        rule: 'action-not-in-stage',
      });

      const gaps = await act(pm, program.id, 'complete-gap-assessment', {
        completedOn: today,
        gaps: [
          {
            title: 'Asset inventory',
            ownerEmail: owner.email,
            dueDate: addDays(today, 30),
            requirementIds: ['iso27001:A.5.9'],
          },
          { title: 'Access policy', ownerEmail: 'someone.else@acme.example', dueDate: addDays(today, 40) },
        ],
      });
      expect(gaps.status).toBe(200);
      const detail = gaps.body as ProgramDetail;
      expect(detail.state.stage).toBe('REMEDIATION');
      tasks = (detail.state.workflow as { tasks: Task[] }).tasks;
      expect(tasks).toHaveLength(2);

      const refused = await act(pm, program.id, 'schedule-audit', {
        audit: 'stage1',
        date: addDays(today, 30),
      });
      expect(refused.status).toBe(422);
      expect(refused.body).toEqual({
        message: 'Stage 1 needs the internal audit and the management review to be completed first.',
        code: 'rule_violation',
        rule: 'stage1-prerequisites',
        field: 'audit',
      });
    });

    it('answers 400 naming the field for a body the schema refuses, before the workflow sees it', async () => {
      const res = await act(pm, program.id, 'schedule-audit', { audit: 'stage3', date: 'tomorrow' }).expect(
        400,
      );
      expect((res.body as ErrorBody).errors?.map((e) => e.path).sort()).toEqual(['audit', 'date']);
      const other = await act(pm, program.id, 'schedule-fieldwork', { startsOn: today }).expect(409);
      expect(other.body).toMatchObject({ rule: 'action-not-for-kind' });
    });

    it('replays a retried action with the same key and runs nothing twice; another body is a 409', async () => {
      const key = `internal-audit-${Date.now()}`;
      const body = { audit: 'internal-audit', lastDay: today };
      const first = await act(pm, program.id, 'record-audit-outcome', body, key).expect(200);
      const again = await act(pm, program.id, 'record-audit-outcome', body, key).expect(200);
      expect(again.body).toEqual(first.body);
      const events = await eventually(
        () => 'the audit.completed events',
        async () => {
          const rows = await stack.db.prisma.auditEvent.findMany({
            where: { programId: program.id, type: 'audit.completed' },
          });
          return rows.length >= 2 ? rows : undefined;
        },
      );
      expect(events.filter((e) => (e.payload as { audit: string }).audit === 'internal-audit')).toHaveLength(
        1,
      );
      const reused = await act(
        pm,
        program.id,
        'record-audit-outcome',
        { ...body, lastDay: addDays(today, -1) },
        key,
      );
      expect(reused.status).toBe(409);
      expect((reused.body as ErrorBody).message).toMatch(/already used for another request/);

      // A refusal is an answer too: its retry gets it again without asking the workflow.
      const refusedKey = `refused-${Date.now()}`;
      const refusal = { audit: 'internal-audit', lastDay: today };
      const a = await act(pm, program.id, 'record-audit-outcome', refusal, refusedKey).expect(409);
      const b = await act(pm, program.id, 'record-audit-outcome', refusal, refusedKey).expect(409);
      expect(b.body).toEqual(a.body);
      expect(a.body).toMatchObject({ rule: 'already-recorded' });
    });

    it('offers the override with a 422 that one can lift, and takes it once recorded', async () => {
      await act(pm, program.id, 'record-audit-outcome', {
        audit: 'management-review',
        lastDay: today,
      }).expect(200);
      await act(pm, program.id, 'schedule-audit', { audit: 'stage1', date: today }).expect(200);
      await act(pm, program.id, 'record-audit-outcome', { audit: 'stage1', lastDay: today }).expect(200);
      const late = addMonths(today, 8);
      const refused = await act(pm, program.id, 'schedule-audit', { audit: 'stage2', date: late }).expect(
        422,
      );
      expect(refused.body).toMatchObject({
        code: 'rule_violation',
        rule: 'stage1-validity',
        field: 'date',
        override: { rule: 'stage1-validity', requiresJustification: true },
      });
      const short = await act(pm, program.id, 'override-rule', {
        rule: 'stage1-validity',
        justification: 'too short',
      });
      expect(short.status).toBe(400);
      expect((short.body as ErrorBody).errors?.[0]?.path).toBe('justification');
      await act(pm, program.id, 'override-rule', {
        rule: 'stage1-validity',
        justification:
          'The certification body confirmed Stage 1 results stay valid for this audit in writing.',
      }).expect(200);
      const scheduled = await act(pm, program.id, 'schedule-audit', { audit: 'stage2', date: late }).expect(
        200,
      );
      expect((scheduled.body as ProgramDetail).state.workflow).toMatchObject({
        audits: { stage2: { scheduledOn: late } },
      });
    });

    it('lets a control owner complete only their own task, as the actor', async () => {
      const mine = tasks.find((t) => t.ownerEmail === owner.email)!;
      const theirs = tasks.find((t) => t.ownerEmail !== owner.email)!;
      const evidence = [{ title: 'Inventory export', uri: 'https://docs.acme.example/inventory' }];
      // The read model gives the control owner sight of the program (a task of theirs).
      await eventually(
        () => 'the control owner to see the program through the read model',
        async () => ((await ownerSession.get(`/programs/${program.id}`)).status === 200 ? true : undefined),
      );
      const forbidden = await act(ownerSession, program.id, 'complete-task', {
        taskId: theirs.id,
        completedOn: today,
        evidence,
      }).expect(403);
      expect(forbidden.body).toMatchObject({ code: 'forbidden' });
      await act(ownerSession, program.id, 'reassign-task', {
        taskId: mine.id,
        ownerEmail: 'x@acme.example',
      }).expect(403);
      await act(ownerSession, program.id, 'complete-task', {
        taskId: mine.id,
        completedOn: today,
        evidence,
      }).expect(200);
      const row = await eventually(
        () => 'the completed task in the read model',
        async () => {
          const task = await stack.db.prisma.remediationTask.findUnique({ where: { id: mine.id } });
          return task?.status === 'DONE' ? task : undefined;
        },
      );
      expect(row.evidence).toEqual(evidence);
      const event = await stack.db.prisma.auditEvent.findFirstOrThrow({
        where: { programId: program.id, type: 'task.completed' },
      });
      expect(event.actor).toBe(owner.email);
    });

    it('shows the timeline, the schedule and the Temporal link from the read model', async () => {
      const records = await eventually(
        () => 'the Stage 2 milestone in the read model',
        async () => {
          const res = await pm.get(`/programs/${program.id}/records`).expect(200);
          const body = res.body as {
            milestones: { kind: string; actual: string | null; scheduled: string | null }[];
          };
          return body.milestones.find((m) => m.kind === 'stage2')?.scheduled ? body : undefined;
        },
      );
      expect(records.milestones.find((m) => m.kind === 'stage1')).toMatchObject({
        actual: today,
        scheduled: today,
      });
      expect(records.milestones.find((m) => m.kind === 'gap-assessment')).toMatchObject({ actual: today });
      const schedule = await executive
        .get(
          `/organizations/${organizationId}/schedule?from=${today}&to=${addMonths(today, 12)}&category=audit`,
        )
        .expect(200);
      const kinds = (schedule.body as { items: { kind: string; program: { id: string } }[] }).items
        .filter((i) => i.program.id === program.id)
        .map((i) => i.kind);
      expect(kinds).toEqual(
        expect.arrayContaining(['internal-audit', 'management-review', 'stage1', 'stage2']),
      );
      const detail = (await pm.get(`/programs/${program.id}`).expect(200)).body as ProgramDetail;
      expect(detail.links.temporalUi).toBe(
        `http://temporal-ui.test:8233/namespaces/default/workflows/${encodeURIComponent(program.workflowId)}`,
      );
      expect(
        ((await executive.get(`/programs/${program.id}`).expect(200)).body as ProgramDetail).links.temporalUi,
      ).toBeNull();
    });

    it('takes a note as a signal, then ends the program; an ended program refuses actions with 409', async () => {
      const note = await act(pm, program.id, 'add-note', {
        note: 'Kick-off with the certification body held.',
      }).expect(202);
      expect(note.body).toEqual({ programId: program.id, action: 'addNote', accepted: true });
      await act(pm, program.id, 'end-program', { reason: 'Certification postponed by the board' }).expect(
        200,
      );
      await eventually(
        () => 'the workflow to finish',
        async () => {
          const { status } = await stack.env.client.workflow.getHandle(program.workflowId).describe();
          return status.name === 'COMPLETED' ? true : undefined;
        },
      );
      const after = await act(pm, program.id, 'add-note', { note: 'Too late' });
      expect(after.status).toBe(409);
      const ended = await act(pm, program.id, 'schedule-audit', { audit: 'stage2', date: today });
      expect(ended.status).toBe(409);
      expect(
        await stack.db.prisma.auditEvent.count({ where: { programId: program.id, type: 'note.added' } }),
      ).toBe(1);
    });
  });

  describe('a SOC 2 program started mid-period', () => {
    it('records a control exception with its crosswalk links and lists it among unresolved findings', async () => {
      const program = await newProgram(
        soc2ProgramBody({
          startDate: today,
          currentPeriod: { start: addMonths(today, -2), end: addDays(addMonths(today, 4), -1) },
        }),
      );
      const refused = await act(pm, program.id, 'schedule-fieldwork', {
        startsOn: addMonths(today, 9),
      }).expect(422);
      expect(refused.body).toMatchObject({
        rule: 'fieldwork-window',
        field: 'startsOn',
        override: { rule: 'fieldwork-window', requiresJustification: true },
      });
      await act(pm, program.id, 'record-control-exception', {
        observedOn: today,
        description: 'Quarterly access review skipped',
        requirementIds: ['soc2:CC6.2'],
        ownerEmail: owner.email,
      }).expect(200);
      const findings = await eventually(
        () => 'the control exception in the read model',
        async () => {
          const res = await pm.get(
            `/organizations/${organizationId}/findings?status=unresolved&kind=control-exception`,
          );
          const page = res.body as {
            items: { program: { id: string }; requirementIds: string[] }[];
            nextCursor: string | null;
          };
          return page.items.some((f) => f.program.id === program.id) ? page : undefined;
        },
      );
      expect(findings.nextCursor).toBeNull();
      const records = (await pm.get(`/programs/${program.id}/records`).expect(200)).body as {
        soc2: { periods: { number: number }[] };
      };
      expect(records.soc2.periods.map((p) => p.number)).toEqual([1]);
    });
  });
});
