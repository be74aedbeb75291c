import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { LiveUpdatesService } from './live-updates.service.js';

@ApiTags('live-updates')
@Controller()
export class LiveUpdatesController {
  constructor(private readonly live: LiveUpdatesService) {}

  /**
   * Server-sent events (`text/event-stream`) of the organisation's audit trail as the caller may see it.
   * Events: `ready` (the stream is live; its id is the position), `audit-event` (`{ id, type, programId, taskId,
   * actor, occurredAt }`), `reset` (too far behind to replay: reload, then follow). Each id is a position in the
   * feed; reconnecting with `Last-Event-ID` replays what was missed. A comment line is sent as a heartbeat.
   */
  @Get('organizations/:organizationId/events/stream')
  @Allow('live-updates.read', inOrganization())
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id' })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'The same as Last-Event-ID, for clients that cannot set headers (the header wins)',
  })
  @ApiOkResponse({ description: 'An endless event stream', schema: { type: 'string' } })
  @ApiTooManyRequestsResponse({ type: ErrorResponse.Output, description: 'Too many streams open at once' })
  stream(
    @Param() _params: OrganizationParams,
    @CurrentCaller() caller: Caller,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.live.open(caller, req, res, header || query || undefined);
  }
}
