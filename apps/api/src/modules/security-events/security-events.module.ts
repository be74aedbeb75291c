import { Controller, Get, Inject, Injectable, Module, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { accessEventTypes } from '@certflow/contracts/access';
import type { PrismaClient } from '@certflow/db';
import { ZodResponse } from 'nestjs-zod';
import { z } from 'zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { createZodDto } from '../../common/zod-dto.js';
import { PRISMA } from '../../database/database.module.js';

const LIMIT = 200;

const securityEventSchema = z.object({
  id: z.uuid(),
  type: z.string().describe(`One of ${accessEventTypes.join(', ')}`),
  actor: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  payload: z.record(z.string(), z.unknown()),
});

class SecurityEvent extends createZodDto(securityEventSchema) {}

/** The organisation's own part of the audit trail: sign-ins, members, invitations, tokens, grants, SSO. */
@Injectable()
class SecurityEventsService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async latest(caller: Caller) {
    const rows = await this.prisma.auditEvent.findMany({
      // Organisation-wide implementation statuses are audited too, but they are no security events.
      where: { organizationId: caller.organizationId, programId: null, type: { in: [...accessEventTypes] } },
      orderBy: [{ occurredAt: 'desc' }, { recordedAt: 'desc' }],
      take: LIMIT,
    });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      actor: row.actor,
      occurredAt: row.occurredAt.toISOString(),
      payload: row.payload as Record<string, unknown>,
    }));
  }
}

@ApiTags('security-events')
@Controller()
class SecurityEventsController {
  constructor(private readonly events: SecurityEventsService) {}

  /** The latest 200 organisation-level audit events, newest first. */
  @Get('organizations/:organizationId/security-events')
  @Allow('security-events.read', inOrganization())
  @ZodResponse({ status: 200, type: [SecurityEvent] })
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.events.latest(caller);
  }
}

@Module({ controllers: [SecurityEventsController], providers: [SecurityEventsService] })
export class SecurityEventsModule {}
