import { Global, Inject, Injectable, Module } from '@nestjs/common';
import type { AccessEventType } from '@certflow/contracts/access';
import type { ProgramOperationEventType } from '@certflow/contracts/domain';
import type { Prisma, PrismaClient } from '@certflow/db';

import { CLOCK, type Clock } from '../common/clock.js';
import { PRISMA } from '../database/database.module.js';

export interface AccessEvent {
  type: AccessEventType;
  /** From `actorOf()`; null only for events nobody identified caused (a failed sign-in). */
  actor: string | null;
  /** One row per organisation concerned; none means an event about no known account. */
  organizationIds: readonly string[];
  payload?: Prisma.InputJsonObject;
}

/** A program event the API records itself (no workflow, so no workflow id or sequence). */
export interface ProgramOperationEvent {
  type: ProgramOperationEventType;
  actor: string;
  organizationId: string;
  programId: string;
  payload: Prisma.InputJsonObject;
}

type Writer = Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient;

/**
 * Writes organisation-level events to the one append-only audit trail (`audit_events` without program or
 * workflow). Pass the transaction of the change being recorded, so the change and its event commit together.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(event: AccessEvent, tx: Writer = this.prisma): Promise<void> {
    const occurredAt = this.clock.now();
    const organizations = event.organizationIds.length > 0 ? [...new Set(event.organizationIds)] : [null];
    await tx.auditEvent.createMany({
      data: organizations.map((organizationId) => ({
        organizationId,
        type: event.type,
        actor: event.actor,
        payload: event.payload ?? {},
        occurredAt,
      })),
    });
  }

  async recordProgramEvent(event: ProgramOperationEvent, tx: Writer = this.prisma): Promise<void> {
    await tx.auditEvent.create({
      data: {
        organizationId: event.organizationId,
        programId: event.programId,
        type: event.type,
        actor: event.actor,
        payload: event.payload,
        occurredAt: this.clock.now(),
      },
    });
  }
}

@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
