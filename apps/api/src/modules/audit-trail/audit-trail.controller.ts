import { once } from 'node:events';

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { csvLine } from '../../common/csv.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { CachedRead } from '../../read-cache/cached-read.decorator.js';
import { AuditTrailExportQueryDto, AuditTrailPage, AuditTrailQueryDto } from './audit-trail.schemas.js';
import { AuditTrailService } from './audit-trail.service.js';

const csvHeader = [
  'occurred_at',
  'recorded_at',
  'program_id',
  'program',
  'type',
  'actor',
  'payload',
  'event_id',
];

@ApiTags('audit-trail')
@Controller()
export class AuditTrailController {
  constructor(private readonly trail: AuditTrailService) {}

  /** Program events the caller may see, newest first, with filters and cursor pagination. */
  @Get('organizations/:organizationId/audit-events')
  @Allow('audit-trail.read', inOrganization())
  @ZodResponse({ status: 200, type: AuditTrailPage })
  @CachedRead()
  list(
    @Param() _params: OrganizationParams,
    @Query() query: AuditTrailQueryDto,
    @CurrentCaller() caller: Caller,
  ) {
    return this.trail.page(caller, query);
  }

  /** The same events as CSV (RFC 4180, UTF-8, formula guard), streamed in keyset batches, for any size. */
  @Get('organizations/:organizationId/audit-events.csv')
  @Allow('audit-trail.read', inOrganization())
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row', schema: { type: 'string' } })
  async export(
    @Param() _params: OrganizationParams,
    @Query() query: AuditTrailExportQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() res: Response,
  ) {
    const batches = this.trail.export(caller, query);
    // The first batch is read before the headers go out, so a database error is still a proper error response.
    const first = await batches.next();
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-trail.csv"');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    let gone = false;
    res.once('close', () => (gone = true));
    res.write(csvLine(csvHeader));
    try {
      for (let batch = first; !batch.done && !gone; batch = await batches.next()) {
        const chunk = batch.value
          .map((e) =>
            csvLine([
              e.occurredAt,
              e.recordedAt,
              e.program.id,
              e.program.name,
              e.type,
              e.actor,
              JSON.stringify(e.payload),
              e.id,
            ]),
          )
          .join('');
        // Backpressure: a slow client slows the reading down instead of filling memory.
        if (!res.write(chunk) && !gone) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
    } catch (error) {
      // Headers are gone; cut the download so the client sees an incomplete file, not a silently short one.
      res.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    } finally {
      await batches.return(undefined);
    }
    res.end();
  }
}
