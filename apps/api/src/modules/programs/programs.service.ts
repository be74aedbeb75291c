import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { programWorkflowId } from '@certflow/contracts';
import { can } from '@certflow/contracts/access';
import type { Prisma, PrismaClient, Program as ProgramRow } from '@certflow/db';
import type { Client } from '@temporalio/client';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { utcDay } from '../../common/clock.js';
import { ConflictError, DomainError, NotFoundError } from '../../common/domain-errors.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';
import { queryProgramState, startParametersOf, startProgramWorkflow } from './program-workflow.js';
import type { CreateProgramInput, Program, ProgramDetail, ProgramStateView } from './programs.schemas.js';
import { requestHash } from './request-hash.js';

/**
 * The API's own entry in a program's audit trail. Workflow-emitted events are numbered from 1, so the
 * creation event can share the (workflow_id, sequence) uniqueness without ever colliding.
 */
export const PROGRAM_CREATED_SEQUENCE = 0;
export const PROGRAM_CREATED_EVENT = 'program.created';

export class WorkflowUnavailableError extends DomainError {
  readonly status = 503;
}

export interface CreateProgramResult {
  program: Program;
  /** False when an Idempotency-Key matched an earlier request and nothing new was created. */
  created: boolean;
}

export function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    kind: row.kind,
    frameworks: row.frameworks,
    workflowId: row.workflowId,
    status: row.status,
    stage: row.stage,
    parameters: (row.config ?? {}) as Record<string, unknown>,
    startedAt: row.startedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    cycle: row.cycle,
    atRisk: row.atRisk,
    atRiskReasons: row.atRiskReasons,
    nextMilestone:
      row.nextMilestoneKind && row.nextMilestoneDue
        ? { kind: row.nextMilestoneKind, due: utcDay(row.nextMilestoneDue) }
        : null,
  };
}

/** The program's workflow in the Temporal web UI, for those who operate programs. */
export function programLinks(
  config: AppConfig,
  caller: Caller,
  row: Pick<ProgramRow, 'workflowId'>,
): ProgramDetail['links'] {
  if (!can(caller.role, 'programs.operate')) return { temporalUi: null };
  const { uiUrl, namespace } = config.temporal;
  return {
    temporalUi: `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(row.workflowId)}`,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

@Injectable()
export class ProgramsService {
  private readonly logger = new Logger(ProgramsService.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly visibility: ProgramVisibility,
  ) {}

  /**
   * Saves the program, then starts its workflow. The row (status PENDING) and its creation audit event are
   * committed together first, so a crash before the start leaves a record that a retry with the same
   * Idempotency-Key completes; the start itself attaches to an existing run instead of making a second one.
   */
  async create(
    caller: Caller,
    input: CreateProgramInput,
    idempotencyKey?: string,
  ): Promise<CreateProgramResult> {
    const { organizationId } = caller;
    const hash = idempotencyKey ? requestHash(input) : null;
    if (idempotencyKey && hash) {
      const earlier = await this.findByIdempotencyKey(organizationId, idempotencyKey);
      if (earlier) return { program: await this.replay(earlier, idempotencyKey, hash), created: false };
    }

    const id = randomUUID();
    const workflowId = programWorkflowId(organizationId, id);
    let row: ProgramRow;
    try {
      row = await this.prisma.$transaction(async (tx) => {
        const program = await tx.program.create({
          data: {
            id,
            organizationId,
            name: input.name,
            kind: input.kind,
            frameworks: input.frameworks,
            workflowId,
            idempotencyKey: idempotencyKey ?? null,
            requestHash: hash,
            config: startParametersOf(input) as Prisma.InputJsonObject,
          },
        });
        await tx.auditEvent.create({
          data: {
            programId: id,
            organizationId,
            workflowId,
            sequence: PROGRAM_CREATED_SEQUENCE,
            type: PROGRAM_CREATED_EVENT,
            actor: actorOf(caller.principal),
            payload: { name: input.name, kind: input.kind, frameworks: input.frameworks },
            occurredAt: program.createdAt,
          },
        });
        return program;
      });
    } catch (error) {
      // Two concurrent requests with the same key: the loser answers like a retry of the winner.
      if (idempotencyKey && hash && isUniqueViolation(error)) {
        const winner = await this.findByIdempotencyKey(organizationId, idempotencyKey);
        if (winner) return { program: await this.replay(winner, idempotencyKey, hash), created: false };
      }
      throw error;
    }

    return { program: toProgram(await this.startWorkflow(row)), created: true };
  }

  /** The programs of the caller's organisation that the caller may see. */
  async list(caller: Caller): Promise<Program[]> {
    const rows = await this.prisma.program.findMany({
      where: this.visibility.where(caller),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toProgram);
  }

  async get(caller: Caller, id: string): Promise<ProgramDetail> {
    const row = await this.prisma.program.findFirst({
      where: { AND: [{ id }, this.visibility.where(caller)] },
    });
    if (!row) throw new NotFoundError('Program', id);
    return {
      ...toProgram(row),
      state: await this.readState(row),
      links: programLinks(this.config, caller, row),
    };
  }

  private findByIdempotencyKey(organizationId: string, idempotencyKey: string): Promise<ProgramRow | null> {
    return this.prisma.program.findUnique({
      where: { organizationId_idempotencyKey: { organizationId, idempotencyKey } },
    });
  }

  private async replay(earlier: ProgramRow, idempotencyKey: string, hash: string): Promise<Program> {
    if (earlier.requestHash !== hash) {
      throw new ConflictError(
        `Idempotency-Key '${idempotencyKey}' was already used for program ${earlier.id} with a different request body`,
      );
    }
    // PENDING means the earlier attempt died between saving and starting: finish its job now.
    return toProgram(earlier.status === 'PENDING' ? await this.startWorkflow(earlier) : earlier);
  }

  private async startWorkflow(row: ProgramRow): Promise<ProgramRow> {
    try {
      await startProgramWorkflow(this.temporal, row, this.config.temporal.rpcTimeoutMs);
    } catch (error) {
      this.logger.warn(`Could not start workflow ${row.workflowId}: ${describe(error)}`);
      throw new WorkflowUnavailableError(
        `Program ${row.id} was saved but its workflow could not be started; retry with the same Idempotency-Key`,
      );
    }
    // Conditional so a late retry never moves a program the workflow has already advanced.
    await this.prisma.program.updateMany({
      where: { id: row.id, status: 'PENDING' },
      data: { status: 'RUNNING', startedAt: new Date() },
    });
    return this.prisma.program.findUniqueOrThrow({ where: { id: row.id } });
  }

  private async readState(row: ProgramRow): Promise<ProgramStateView> {
    const { connection } = this.temporal;
    try {
      const handle = this.temporal.workflow.getHandle(row.workflowId);
      const state = await connection.withDeadline(Date.now() + this.config.temporal.queryTimeoutMs, () =>
        queryProgramState(handle, row.kind),
      );
      return { source: 'workflow', stage: state.stage, workflow: { ...state } };
    } catch (error) {
      return { source: 'database', stage: row.stage, workflow: null, unavailableReason: describe(error) };
    }
  }
}
