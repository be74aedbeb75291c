import { Controller, Get, Inject, Injectable, Module, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Prisma, PrismaClient } from '@certflow/db';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { CLOCK, type Clock, dateOnly, utcDay } from '../../common/clock.js';
import { cursorPatterns, decodeCursor, encodeCursor } from '../../common/cursor.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { PRISMA } from '../../database/database.module.js';
import { CachedRead } from '../../read-cache/cached-read.decorator.js';
import { type MyTasksQuery, MyTasksPage, MyTasksQueryDto, type MyTaskView } from './my-tasks.schemas.js';

/**
 * The remediation tasks owned by the caller's email across the organisation's programs they may see, from the
 * `remediation_tasks` read model (index: organisation, owner email, status, due date) — one SQL query, never a
 * workflow query. Filters, sorting by due date and keyset pagination on (due date, id).
 */
@Injectable()
class MyTasksService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  async list(caller: Caller, query: MyTasksQuery) {
    const { principal } = caller;
    if (principal.kind !== 'user') return { items: [], nextCursor: null };
    const after = decodeCursor(query.cursor, [cursorPatterns.day, cursorPatterns.uuid]);
    const today = utcDay(this.clock.now());
    const ascending = query.sort === 'dueDate';
    const where: Prisma.RemediationTaskWhereInput[] = [
      // Owner emails are stored lower-cased by the projection.
      { organizationId: caller.organizationId, ownerEmail: principal.email.toLowerCase() },
    ];
    if (!this.visibility.seesWholeOrganization(caller))
      where.push({ program: this.visibility.where(caller) });
    if (query.status) where.push({ status: { in: query.status } });
    if (query.programId) where.push({ programId: query.programId });
    if (query.dueAfter) where.push({ dueDate: { gte: dateOnly(query.dueAfter) } });
    if (query.dueBefore) where.push({ dueDate: { lte: dateOnly(query.dueBefore) } });
    if (query.overdue === true) where.push({ status: 'OPEN', dueDate: { lt: dateOnly(today) } });
    if (query.overdue === false) {
      where.push({ OR: [{ status: { not: 'OPEN' } }, { dueDate: { gte: dateOnly(today) } }] });
    }
    if (after) {
      const day = dateOnly(after[0]!);
      const past = ascending ? { gt: day } : { lt: day };
      const id = ascending ? { gt: after[1]! } : { lt: after[1]! };
      where.push({ OR: [{ dueDate: past }, { dueDate: day, id }] });
    }
    const direction = ascending ? 'asc' : 'desc';
    const rows = await this.prisma.remediationTask.findMany({
      where: { AND: where },
      include: { program: { select: { id: true, name: true } } },
      orderBy: [{ dueDate: direction }, { id: direction }],
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row): MyTaskView => {
        const dueDate = utcDay(row.dueDate);
        return {
          id: row.id,
          title: row.title,
          status: row.status,
          dueDate,
          overdue: row.status === 'OPEN' && dueDate < today,
          escalated: row.escalated,
          source: row.source,
          requirementIds: row.requirementIds,
          completedOn: row.completedOn ? utcDay(row.completedOn) : null,
          program: row.program,
        };
      }),
      nextCursor: rows.length > query.limit && last ? encodeCursor([utcDay(last.dueDate), last.id]) : null,
    };
  }
}

@ApiTags('tasks')
@Controller()
class MyTasksController {
  constructor(private readonly tasks: MyTasksService) {}

  /** The caller's own tasks across programs, soonest due first (or `sort=-dueDate`), filtered and paged. */
  @Get('organizations/:organizationId/my-tasks')
  @Allow('tasks.mine', inOrganization(), { people: true })
  @ZodResponse({ status: 200, type: MyTasksPage })
  @CachedRead()
  list(
    @Param() _params: OrganizationParams,
    @Query() query: MyTasksQueryDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.tasks.list(caller, query);
  }
}

@Module({ controllers: [MyTasksController], providers: [MyTasksService] })
export class MyTasksModule {}
