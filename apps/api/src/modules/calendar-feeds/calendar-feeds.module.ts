import { Controller, Delete, Get, HttpCode, Module, Param, Post, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, Public } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { ScheduleSource } from '../schedule/schedule-source.js';
import { CalendarFeedView, FeedFileParams, IssuedCalendarFeed } from './calendar-feeds.schemas.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';

@ApiTags('calendar feeds')
@Controller('organizations/:organizationId/calendar-feed')
class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  /** Whether the caller has a feed in this organisation (the URL itself is shown only when issued). */
  @Get()
  @Allow('organization.read', inOrganization(), { people: true })
  @ZodResponse({ status: 200, type: CalendarFeedView })
  status(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.feeds.status(caller);
  }

  /** Issues the caller's secret feed URL, or rotates it: the previous URL stops working at once. */
  @Post()
  @Allow('organization.read', inOrganization(), { people: true })
  @ZodResponse({ status: 201, type: IssuedCalendarFeed })
  issue(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.feeds.issue(caller);
  }

  /** Revokes the caller's feed URL (nothing to revoke is not an error). */
  @Delete()
  @HttpCode(204)
  @Allow('organization.read', inOrganization(), { people: true })
  @ApiNoContentResponse({ description: 'The URL no longer answers' })
  async revoke(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    await this.feeds.revoke(caller);
  }
}

@ApiTags('calendar feeds')
@Public()
@Controller('calendar')
class CalendarFileController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  /** The iCalendar file behind a secret feed URL (`<token>.ics`): the secret is the credential. */
  @Get(':file')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545) with stable UIDs', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponse.Output, description: 'Unknown, rotated or revoked feed' })
  async file(@Param() { file }: FeedFileParams, @Res() res: Response) {
    const body = await this.feeds.feed(file);
    res.status(200);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="certflow.ics"');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(body);
  }
}

/** Personal calendar subscriptions (docs/adr/0018-combined-schedule.md). */
@Module({
  controllers: [CalendarFeedController, CalendarFileController],
  providers: [CalendarFeedsService, ScheduleSource],
})
export class CalendarFeedsModule {}
