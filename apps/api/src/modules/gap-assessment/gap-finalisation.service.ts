import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { requirementLinksOf } from '@certflow/contracts/domain';
import type { FinaliseGapAssessment } from '@certflow/contracts/implementation';
import { Prisma, type PrismaClient, type Program } from '@certflow/db';

import { type Caller, actorOf } from '../../access/principal.js';
import { CLOCK, type Clock, utcDay } from '../../common/clock.js';
import { ConflictError, InputValidationError, RuleViolationError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { ProgramActionsService } from '../program-actions/program-actions.service.js';
import type { ProgramWorkflowState } from '../programs/program-workflow.js';
import { WorkflowUnavailableError } from '../programs/programs.service.js';
import { recordImplementationEvents } from '../requirement-status/implementation-events.js';
import { RequirementStatusWriter } from '../requirement-status/requirement-status.writer.js';
import { GapAssessmentService } from './gap-assessment.service.js';
import type { GapFinalised } from './gap-assessment.schemas.js';
import type { AssessmentRow } from './gap-assessment.view.js';
import { gapScopeOf } from './gap-assessment.view.js';
import { type GapSubmission, gapSubmission } from './gap-submission.js';
import { scopeRequirements } from './prefill.js';

/**
 * What `gap_assessments.submission` keeps from the moment the draft is frozen: the update, who froze it, and the
 * attempt whose Idempotency-Key every retry of this submission reuses (a refused one is thawed, and the next
 * freeze is a new attempt).
 */
interface Frozen {
  attempt: string;
  actor: string;
  submission: GapSubmission;
}

const UNANSWERED_SHOWN = 5;

/**
 * Finalising: the draft is frozen (status FINALISING, the update input stored), then the update goes through the
 * program-actions path like every workflow action (visibility, the body's own schema, the caller as actor, the
 * Idempotency-Key `gap-assessment:<id>:<attempt>` whose row id is the Temporal update id, 409/422 with the rule).
 * Only when the workflow accepted it are the answers written through to the organisation's statuses and the
 * assessment marked FINALISED — in one transaction with the audit events. A crash anywhere leaves either a draft
 * or a frozen submission that the next call sends again under the same key, so nothing runs twice.
 */
@Injectable()
export class GapFinalisationService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly gaps: GapAssessmentService,
    private readonly writer: RequirementStatusWriter,
    private readonly actions: ProgramActionsService,
  ) {}

  async finalise(caller: Caller, id: string, body: FinaliseGapAssessment): Promise<GapFinalised> {
    const program = await this.gaps.program(caller, id);
    if (body.firstPeriodStart !== undefined && program.kind !== 'SOC2_ATTESTATION') {
      throw new InputValidationError([
        {
          path: 'firstPeriodStart',
          message: 'only a SOC 2 readiness assessment starts an observation period',
        },
      ]);
    }
    let row = await this.gaps.assessment(program.id);
    if (!row) throw new ConflictError(`Program ${program.id} has no gap assessment yet; start one first`);
    if (row.status === 'FINALISED') return this.result(program, row, true);
    if (row.status === 'DRAFT') row = await this.freeze(caller, program, body);
    if (row.status === 'FINALISED') return this.result(program, row, true);

    const frozen = row.submission as unknown as Frozen;
    let state: ProgramWorkflowState;
    try {
      const response = await this.actions.run(
        caller,
        program.id,
        frozen.submission.update,
        frozen.submission.input,
        `gap-assessment:${row.id}:${frozen.attempt}`,
      );
      state = (response.body as { state: { workflow: ProgramWorkflowState } }).state.workflow;
    } catch (error) {
      // Unreachable Temporal: the submission stays frozen for the next call. Any refusal: back to a draft.
      if (!(error instanceof WorkflowUnavailableError)) await this.thaw(row.id);
      throw error;
    }
    const finalised = await this.complete(caller, program, row, frozen, state);
    return this.result(program, finalised, false);
  }

  /** DRAFT → FINALISING with the submission built from every answer; refuses while items are unanswered. */
  private async freeze(
    caller: Caller,
    program: Program,
    body: FinaliseGapAssessment,
  ): Promise<AssessmentRow> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM gap_assessments WHERE program_id = ${program.id}::uuid FOR UPDATE`;
      const row = await this.gaps.assessment(program.id, tx);
      if (!row || row.status !== 'DRAFT') return row as AssessmentRow;
      const answered = new Map(row.items.map((item) => [item.requirementId, item]));
      const missing = scopeRequirements(gapScopeOf(program, row)).filter((r) => !answered.has(r));
      if (missing.length > 0) {
        const shown = missing.slice(0, UNANSWERED_SHOWN).join(', ');
        throw new RuleViolationError(
          `${missing.length} requirement${missing.length === 1 ? ' is' : 's are'} not answered yet (${shown}${missing.length > UNANSWERED_SHOWN ? ', …' : ''}); confirm or change each one before finalising`,
        );
      }
      const config = (program.config ?? {}) as { programManagerEmail?: string };
      const actor = actorOf(caller.principal);
      const submission = gapSubmission(
        program.kind,
        row.items.map((item) => ({
          requirementId: item.requirementId,
          status: item.status,
          ownerEmail: item.ownerEmail,
          taskTitle: item.taskTitle,
          taskOwnerEmail: item.taskOwnerEmail,
          taskDueDate: item.taskDueDate ? utcDay(item.taskDueDate) : null,
        })),
        {
          completedOn: body.completedOn ?? utcDay(this.clock.now()),
          ownerEmail: body.defaultOwnerEmail ?? config.programManagerEmail ?? actor,
          ...(body.defaultDueDate && { dueDate: body.defaultDueDate }),
          ...(body.firstPeriodStart && { firstPeriodStart: body.firstPeriodStart }),
        },
      );
      const frozen: Frozen = { attempt: randomUUID(), actor, submission };
      return tx.gapAssessment.update({
        where: { id: row.id },
        data: { status: 'FINALISING', submission: frozen as unknown as Prisma.InputJsonObject },
        include: { items: true },
      });
    });
  }

  /** The workflow refused: back to a draft people can correct. */
  private async thaw(id: string): Promise<void> {
    await this.prisma.gapAssessment.updateMany({
      where: { id, status: 'FINALISING' },
      data: { status: 'DRAFT', submission: Prisma.DbNull },
    });
  }

  private async complete(
    caller: Caller,
    program: Program,
    row: AssessmentRow,
    frozen: Frozen,
    state: ProgramWorkflowState,
  ): Promise<AssessmentRow> {
    // Whoever's request the workflow accepted finalised it (the actor of its update).
    const actor = actorOf(caller.principal);
    const taskIds = new Map(
      state.tasks
        .filter((task) => task.source.kind === 'gap-assessment' && task.requirementIds.length === 1)
        .map((task) => [task.requirementIds[0], task.id]),
    );
    const { completedOn } = frozen.submission.input;
    await this.prisma.$transaction(async (tx) => {
      const claimed = await tx.gapAssessment.updateMany({
        where: { id: row.id, status: 'FINALISING' },
        data: {
          status: 'FINALISED',
          completedOn: new Date(`${completedOn}T00:00:00.000Z`),
          finalisedBy: actor,
          finalisedAt: this.clock.now(),
        },
      });
      // Another request completed it a moment ago, with the same outcome.
      if (claimed.count === 0) return;
      for (const item of row.items) {
        const taskId = taskIds.get(item.requirementId);
        if (taskId === undefined) continue;
        await tx.gapAssessmentItem.update({
          where: {
            gapAssessmentId_requirementId: { gapAssessmentId: row.id, requirementId: item.requirementId },
          },
          data: { taskId },
        });
      }
      await this.writer.write(
        tx,
        {
          organizationId: program.organizationId,
          actor,
          source: `gap-assessment:${row.id}`,
          programId: program.id,
        },
        row.items,
      );
      await recordImplementationEvents(tx, this.clock.now(), [
        {
          type: 'gap-assessment.finalised',
          actor,
          organizationId: program.organizationId,
          programId: program.id,
          payload: {
            gapAssessmentId: row.id,
            update: frozen.submission.update,
            completedOn,
            answered: row.items.length,
            gaps: frozen.submission.input.gaps.length,
            taskIds: [...taskIds.values()],
          },
        },
      ]);
    });
    return (await this.gaps.assessment(program.id)) as AssessmentRow;
  }

  private async result(program: Program, row: AssessmentRow, replayed: boolean): Promise<GapFinalised> {
    const frozen = row.submission as unknown as Frozen;
    const taskIds = new Map(row.items.map((item) => [item.requirementId, item.taskId]));
    return {
      assessment: await this.gaps.view(program, row),
      replayed,
      tasks: frozen.submission.input.gaps.map((gap) => ({
        id: taskIds.get(gap.requirementIds?.[0] ?? '') ?? null,
        title: gap.title,
        ownerEmail: gap.ownerEmail,
        dueDate: gap.dueDate,
        requirementIds: gap.requirementIds ?? [],
        links: requirementLinksOf(gap.requirementIds ?? []),
      })),
    };
  }
}
