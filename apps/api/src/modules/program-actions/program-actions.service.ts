import { Inject, Injectable } from '@nestjs/common';
import { type ProgramAction, programActions, type ProgramActionName } from '@certflow/contracts';
import type { PrismaClient, Program as ProgramRow } from '@certflow/db';
import type { Client } from '@temporalio/client';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { actionRejectionBody } from '../../common/all-exceptions.filter.js';
import {
  ActionRejectedError,
  DomainError,
  ForbiddenError,
  InputValidationError,
  NotFoundError,
  ReplayedResponseError,
} from '../../common/domain-errors.js';
import { isUuid } from '../../common/uuid.js';
import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';
import { queryProgramState } from '../programs/program-workflow.js';
import { programLinks, toProgram } from '../programs/programs.service.js';
import { ActionRequests, type StoredResponse } from './action-requests.js';
import { actionError, executeProgramUpdate, signalProgram } from './workflow-actions.js';

const actionsByName = new Map(programActions.map((a) => [a.name, a]));
const kindLabels = { ISO_CERTIFICATION: 'An ISO certification', SOC2_ATTESTATION: 'A SOC 2 attestation' };

/**
 * Runs a workflow action for the caller: the program must be visible to them, the body valid for the program's
 * kind (the message's own schema), a control owner may act only on their own tasks, and the caller is the actor.
 * With an Idempotency-Key the first answer is kept for retries. Refusals come back as the workflow gave them.
 */
@Injectable()
export class ProgramActionsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly visibility: ProgramVisibility,
    private readonly requests: ActionRequests,
  ) {}

  async run(
    caller: Caller,
    programId: string,
    name: ProgramActionName,
    rawBody: unknown,
    idempotencyKey: string | undefined,
  ): Promise<StoredResponse> {
    const action = actionsByName.get(name);
    if (!action) throw new NotFoundError('Action', name);
    const program = await this.prisma.program.findFirst({
      where: { AND: [{ id: programId }, this.visibility.where(caller)] },
    });
    if (!program) throw new NotFoundError('Program', programId);
    const schema = action.bodies[program.kind];
    if (!schema) {
      throw new ActionRejectedError(
        'conflict',
        `${kindLabels[program.kind]} program has no ${name} action.`,
        'action-not-for-kind',
      );
    }
    const parsed = schema.safeParse(rawBody ?? {});
    if (!parsed.success) {
      throw new InputValidationError(
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      );
    }
    const body = parsed.data as Record<string, unknown>;
    await this.checkOwnTask(caller, program, action, body);

    const actor = actorOf(caller.principal);
    const request = await this.requests.begin({
      organizationId: program.organizationId,
      programId,
      action: name,
      body: rawBody,
      actor,
      idempotencyKey,
    });
    if (request.kind === 'replay') {
      if (request.response.status >= 400) {
        throw new ReplayedResponseError(request.response.status, request.response.body);
      }
      return request.response;
    }
    let response: StoredResponse;
    try {
      response = await this.execute(caller, program, action, { ...body, actor }, request.updateId);
    } catch (error) {
      const failure = error instanceof DomainError ? error : actionError(error, programId);
      // A refusal is the answer, kept for retries; an unreachable Temporal is not (a retry may succeed).
      if (failure instanceof ActionRejectedError) {
        await this.requests.finish(request.requestId, {
          status: failure.status,
          body: actionRejectionBody(failure),
        });
      }
      throw failure;
    }
    await this.requests.finish(request.requestId, response);
    return response;
  }

  private async execute(
    caller: Caller,
    program: ProgramRow,
    action: ProgramAction,
    input: Record<string, unknown>,
    updateId: string,
  ): Promise<StoredResponse> {
    const timeoutMs = this.config.temporal.rpcTimeoutMs;
    if (action.message === 'signal') {
      await signalProgram(this.temporal, program.workflowId, action.name as 'addNote', input, timeoutMs);
      return { status: 202, body: { programId: program.id, action: action.name, accepted: true } };
    }
    const state = await executeProgramUpdate(this.temporal, program, action.name, input, updateId, timeoutMs);
    return {
      status: 200,
      body: {
        ...toProgram(program),
        state: { source: 'workflow', stage: state.stage, workflow: { ...state } },
        links: programLinks(this.config, caller, program),
      },
    };
  }

  /**
   * A control owner works only on tasks they own, whatever the program lets them see. The owner comes from the
   * read model (one indexed row, no round trip through Temporal); a task not projected yet is asked of the
   * workflow itself.
   */
  private async checkOwnTask(
    caller: Caller,
    program: ProgramRow,
    action: ProgramAction,
    body: Record<string, unknown>,
  ): Promise<void> {
    if (caller.role !== 'control_owner' || typeof body.taskId !== 'string') return;
    // Read-model rows have UUIDs; any other id is the workflow's to refuse.
    const projected = isUuid(body.taskId)
      ? await this.prisma.remediationTask.findFirst({
          where: { id: body.taskId, programId: program.id },
          select: { ownerEmail: true },
        })
      : null;
    const owner = projected ? projected.ownerEmail : await this.ownerFromWorkflow(program, body.taskId);
    // An unknown task is left to the workflow, which answers 409 with its own words.
    const email = caller.principal.kind === 'user' ? caller.principal.email : '';
    if (owner !== undefined && owner.toLowerCase() !== email.toLowerCase()) {
      throw new ForbiddenError(
        'forbidden',
        `Only ${owner} or a program manager may do ${action.name} on this task`,
      );
    }
  }

  private async ownerFromWorkflow(program: ProgramRow, taskId: string): Promise<string | undefined> {
    const handle = this.temporal.workflow.getHandle(program.workflowId);
    try {
      const state = await this.temporal.connection.withDeadline(
        Date.now() + this.config.temporal.queryTimeoutMs,
        () => queryProgramState(handle, program.kind),
      );
      return state.tasks.find((t) => t.id === taskId)?.ownerEmail;
    } catch (error) {
      throw actionError(error, program.id);
    }
  }
}
