import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '@certflow/db';

import { ConflictError } from '../../common/domain-errors.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { PRISMA } from '../../database/database.module.js';
import { requestHash } from '../programs/request-hash.js';

export interface StoredResponse {
  status: number;
  body: object;
}

/** What to do with an action request: run it under `updateId`, or give back the answer a retry already got. */
export type ActionRequest =
  { kind: 'run'; updateId: string; requestId: string | null } | { kind: 'replay'; response: StoredResponse };

/**
 * Idempotency-Key for workflow actions: the first request with a key is recorded before it runs; a retry with the
 * same key and request gets the stored answer, or, when the first attempt died before answering, runs again under
 * the same Temporal update id (which Temporal deduplicates). The same key with another request is a 409.
 */
@Injectable()
export class ActionRequests {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async begin(input: {
    organizationId: string;
    programId: string;
    action: string;
    body: unknown;
    actor: string;
    idempotencyKey: string | undefined;
  }): Promise<ActionRequest> {
    const { organizationId, idempotencyKey } = input;
    if (!idempotencyKey) return { kind: 'run', updateId: randomUUID(), requestId: null };
    const hash = requestHash({ programId: input.programId, action: input.action, body: input.body });
    const where = { organizationId_idempotencyKey: { organizationId, idempotencyKey } };
    let row = await this.prisma.programActionRequest.findUnique({ where });
    if (!row) {
      try {
        row = await this.prisma.programActionRequest.create({
          data: {
            organizationId,
            programId: input.programId,
            idempotencyKey,
            action: input.action,
            requestHash: hash,
            actor: input.actor,
          },
        });
        return { kind: 'run', updateId: row.id, requestId: row.id };
      } catch (error) {
        // Two concurrent requests with the same key: the loser continues like a retry of the winner.
        if (!isUniqueViolation(error)) throw error;
        row = await this.prisma.programActionRequest.findUniqueOrThrow({ where });
      }
    }
    if (row.requestHash !== hash) {
      throw new ConflictError(
        `Idempotency-Key '${idempotencyKey}' was already used for another request (${row.action} on program ${row.programId})`,
      );
    }
    if (row.responseStatus !== null && row.responseBody !== null) {
      return { kind: 'replay', response: { status: row.responseStatus, body: row.responseBody as object } };
    }
    return { kind: 'run', updateId: row.id, requestId: row.id };
  }

  /** Keeps the answer for retries; answers that a retry could change (Temporal unreachable) are not kept. */
  async finish(requestId: string | null, response: StoredResponse): Promise<void> {
    if (!requestId) return;
    await this.prisma.programActionRequest.update({
      where: { id: requestId },
      data: {
        responseStatus: response.status,
        responseBody: response.body,
        completedAt: new Date(),
      },
    });
  }
}
