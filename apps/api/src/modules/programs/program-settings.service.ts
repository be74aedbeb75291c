import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

import { type Caller, actorOf } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import {
  ConflictError,
  InputValidationError,
  NotFoundError,
  RuleViolationError,
} from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';
import { changeProgramSettings } from './program-workflow.js';
import { changeProgramSettingsSchemas, type ProgramDetail } from './programs.schemas.js';
import { toProgram, WorkflowUnavailableError } from './programs.service.js';

/**
 * Changes a program's audit-time and cost settings (persons in scope, AI roles, quoted days, the certification
 * body's or CPA firm's terms) through the workflow's `changeSettings` update. The workflow writes the
 * `settings.changed` audit event with the actor; figures of audits already held stay as they were.
 */
@Injectable()
export class ProgramSettingsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly visibility: ProgramVisibility,
  ) {}

  async change(caller: Caller, id: string, body: unknown): Promise<ProgramDetail> {
    const row = await this.prisma.program.findFirst({
      where: { AND: [{ id }, this.visibility.where(caller)] },
    });
    if (!row) throw new NotFoundError('Program', id);
    const parsed = changeProgramSettingsSchemas[row.kind].safeParse(body);
    if (!parsed.success) {
      throw new InputValidationError(
        parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          message: issue.message,
        })),
      );
    }
    const handle = this.temporal.workflow.getHandle(row.workflowId);
    try {
      const state = await this.temporal.connection.withDeadline(
        Date.now() + this.config.temporal.rpcTimeoutMs,
        () => changeProgramSettings(handle, row.kind, { ...parsed.data, actor: actorOf(caller.principal) }),
      );
      return { ...toProgram(row), state: { source: 'workflow', stage: state.stage, workflow: { ...state } } };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw new RuleViolationError(error.cause?.message ?? error.message);
      }
      if (error instanceof WorkflowNotFoundError) {
        throw new ConflictError(`Program ${id} has no running workflow; its settings can no longer change`);
      }
      throw new WorkflowUnavailableError(`The workflow of program ${id} could not be reached; try again`);
    }
  }
}
