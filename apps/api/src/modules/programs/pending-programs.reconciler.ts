import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { PrismaClient, Program as ProgramRow } from '@certflow/db';
import type { Client } from '@temporalio/client';

import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module.js';
import { startProgramWorkflow } from './program-workflow.js';

/**
 * The API owns audit sequences ≤ 0 (creation is 0, workflows count from 1); a fixed one also makes the recovery
 * event idempotent through the (workflow_id, sequence) uniqueness.
 */
export const PROGRAM_START_RECOVERED_SEQUENCE = -1;
export const PROGRAM_START_RECOVERED_EVENT = 'program.start-recovered';

/** Younger PENDING rows may belong to a request that is still starting its workflow right now. */
export const PENDING_GRACE_MS = 60_000;

export interface ReconcileResult {
  started: string[];
  failed: string[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finishes programs whose row was saved but whose workflow start was never confirmed (the process died between
 * the two, and no client retried with its Idempotency-Key). Runs once at start-up, in the background, so an
 * unreachable Temporal delays no request; the start attaches to any run that does exist.
 */
@Injectable()
export class PendingProgramsReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingProgramsReconciler.name);
  private running: Promise<ReconcileResult> | undefined;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.reconcile().catch((error: unknown) => {
      this.logger.warn(`Could not look for pending programs: ${describe(error)}`);
      return { started: [], failed: [] };
    });
  }

  /** The start-up pass, for callers (and tests) that need to know it is over. */
  async settled(): Promise<ReconcileResult | undefined> {
    return this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }

  async reconcile(now = new Date()): Promise<ReconcileResult> {
    const stale = await this.prisma.program.findMany({
      where: { status: 'PENDING', createdAt: { lt: new Date(now.getTime() - PENDING_GRACE_MS) } },
      orderBy: { createdAt: 'asc' },
    });
    const result: ReconcileResult = { started: [], failed: [] };
    for (const row of stale) {
      try {
        await this.finish(row);
        result.started.push(row.id);
      } catch (error) {
        // Left PENDING: the next start-up, or a client retry with the same key, tries again.
        this.logger.warn(
          `Could not start workflow ${row.workflowId} of pending program ${row.id}: ${describe(error)}`,
        );
        result.failed.push(row.id);
      }
    }
    if (stale.length > 0) {
      this.logger.log(
        `Pending programs: ${result.started.length} started, ${result.failed.length} left pending`,
      );
    }
    return result;
  }

  private async finish(row: ProgramRow): Promise<void> {
    await startProgramWorkflow(this.temporal, row, this.config.temporal.rpcTimeoutMs);
    const startedAt = new Date();
    await this.prisma.$transaction(async (tx) => {
      // Conditional, so a client retry that finished the same program meanwhile wins and no event is written twice.
      const { count } = await tx.program.updateMany({
        where: { id: row.id, status: 'PENDING' },
        data: { status: 'RUNNING', startedAt },
      });
      if (count === 0) return;
      await tx.auditEvent.create({
        data: {
          programId: row.id,
          organizationId: row.organizationId,
          workflowId: row.workflowId,
          sequence: PROGRAM_START_RECOVERED_SEQUENCE,
          type: PROGRAM_START_RECOVERED_EVENT,
          actor: 'api',
          payload: { pendingSince: row.createdAt.toISOString() },
          occurredAt: startedAt,
        },
      });
    });
  }
}
