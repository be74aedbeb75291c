import { Inject, Injectable } from '@nestjs/common';
import type { RequirementStatusesUpdate } from '@certflow/contracts/implementation';
import type { PrismaClient } from '@certflow/db';
import type { z } from 'zod';

import { type Caller, actorOf } from '../../access/principal.js';
import { InputValidationError } from '../../common/domain-errors.js';
import { PRISMA } from '../../database/database.module.js';
import {
  type listStatusesQuerySchema,
  type RequirementStatusView,
  toStatusView,
} from './requirement-status.schemas.js';
import { RequirementStatusWriter } from './requirement-status.writer.js';

type ListQuery = z.output<typeof listStatusesQuerySchema>;

/** Opaque to clients: the last requirement id of the page (the stable sort key), base64url. */
function encodeCursor(requirementId: string): string {
  return Buffer.from(requirementId, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9-]+:\S+$/.test(value)) {
    throw new InputValidationError([{ path: 'cursor', message: 'is not a cursor this list returned' }]);
  }
  return value;
}

/** The organisation's implementation status per catalog requirement, read and set by people or integrations. */
@Injectable()
export class RequirementStatusService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly writer: RequirementStatusWriter,
  ) {}

  async list(
    caller: Caller,
    query: ListQuery,
  ): Promise<{ items: RequirementStatusView[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.prisma.requirementStatus.findMany({
      where: {
        organizationId: caller.organizationId,
        ...(query.framework && { framework: query.framework }),
        ...(after !== undefined && { requirementId: { gt: after } }),
      },
      orderBy: { requirementId: 'asc' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toStatusView),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.requirementId) : null,
    };
  }

  async update(
    caller: Caller,
    body: RequirementStatusesUpdate,
  ): Promise<{ items: RequirementStatusView[]; changed: number }> {
    const { changed, unchanged } = await this.prisma.$transaction((tx) =>
      this.writer.write(
        tx,
        { organizationId: caller.organizationId, actor: actorOf(caller.principal), source: 'api' },
        body.items,
      ),
    );
    const byId = new Map([...changed, ...unchanged].map((row) => [row.requirementId, row]));
    return {
      items: body.items.flatMap((item) => {
        const row = byId.get(item.requirementId);
        return row ? [toStatusView(row)] : [];
      }),
      changed: changed.length,
    };
  }
}
