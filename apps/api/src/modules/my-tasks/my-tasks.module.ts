import { Controller, Get, Inject, Injectable, Module, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PrismaClient } from '@certflow/db';
import { ZodResponse } from 'nestjs-zod';
import { z } from 'zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { ProgramVisibility } from '../../access/program-visibility.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { CLOCK, type Clock, utcDay } from '../../common/clock.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { createZodDto } from '../../common/zod-dto.js';
import { PRISMA } from '../../database/database.module.js';

const myTaskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['OPEN', 'DONE', 'CANCELLED']),
  dueDate: z.string().describe('YYYY-MM-DD'),
  overdue: z.boolean().describe('Open and past its due date (UTC)'),
  requirementIds: z.array(z.string()),
  program: z.object({ id: z.uuid(), name: z.string() }),
});

class MyTask extends createZodDto(myTaskSchema) {}

/**
 * The remediation tasks whose owner email is the caller's, in programs the caller may see, from the
 * `remediation_tasks` read model (open ones first, soonest due first).
 */
@Injectable()
class MyTasksService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visibility: ProgramVisibility,
  ) {}

  async list(caller: Caller) {
    const { principal } = caller;
    if (principal.kind !== 'user') return [];
    const rows = await this.prisma.remediationTask.findMany({
      where: {
        ownerEmail: { equals: principal.email, mode: 'insensitive' },
        program: this.visibility.where(caller),
      },
      include: { program: { select: { id: true, name: true } } },
      orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { id: 'asc' }],
    });
    const today = utcDay(this.clock.now());
    return rows.map((row) => {
      const dueDate = utcDay(row.dueDate);
      return {
        id: row.id,
        title: row.title,
        status: row.status,
        dueDate,
        overdue: row.status === 'OPEN' && dueDate < today,
        requirementIds: row.requirementIds,
        program: row.program,
      };
    });
  }
}

@ApiTags('tasks')
@Controller()
class MyTasksController {
  constructor(private readonly tasks: MyTasksService) {}

  @Get('organizations/:organizationId/my-tasks')
  @Allow('tasks.mine', inOrganization(), { people: true })
  @ZodResponse({ status: 200, type: [MyTask] })
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.tasks.list(caller);
  }
}

@Module({ controllers: [MyTasksController], providers: [MyTasksService] })
export class MyTasksModule {}
