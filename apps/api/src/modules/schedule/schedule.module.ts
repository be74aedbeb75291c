import { Body, Controller, Get, HttpCode, Module, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { CachedRead } from '../../read-cache/cached-read.decorator.js';
import { ProgramActionsModule } from '../program-actions/program-actions.module.js';
import {
  AcceptedSuggestion,
  AcceptSuggestionBody,
  CombinedScheduleQuery,
  CombinedScheduleView,
  WhatIfBody,
  WhatIfResultView,
} from './schedule.schemas.js';
import { ScheduleService } from './schedule.service.js';
import { ScheduleSource } from './schedule-source.js';

@ApiTags('schedule')
@Controller('organizations/:organizationId/schedule')
class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  /** Every program's audits and deadlines with the regulatory dates, conflicts and integrated-audit suggestions. */
  @Get('combined')
  @Allow('schedule.read', inOrganization())
  @ZodResponse({ status: 200, type: CombinedScheduleView })
  @CachedRead()
  combined(
    @Param() _params: OrganizationParams,
    @Query() query: CombinedScheduleQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.schedule.combined(caller, query);
  }

  /** Moves one audit on paper: the deadlines missed, the rules that would refuse, conflicts and cost. Writes nothing. */
  @Post('what-if')
  @HttpCode(200)
  @Allow('schedule.read', inOrganization())
  @ZodResponse({ status: 200, type: WhatIfResultView })
  whatIf(@Param() _params: OrganizationParams, @Body() body: WhatIfBody, @CurrentCaller() caller: Caller) {
    return this.schedule.whatIf(caller, body);
  }

  /** Schedules both audits of an integrated-audit suggestion through their workflows. */
  @Post('accept-suggestion')
  @HttpCode(200)
  @Allow('programs.operate', inOrganization())
  @ZodResponse({ status: 200, type: AcceptedSuggestion })
  @ApiConflictResponse({
    type: ErrorResponse.Output,
    description:
      'The suggestion is no longer offered (rule suggestion-not-offered), or a workflow refused: not in the stage (action_conflict)',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse.Output,
    description: 'A rule refused the day (rule_violation, with the rule and the field)',
  })
  accept(
    @Param() _params: OrganizationParams,
    @Body() body: AcceptSuggestionBody,
    @CurrentCaller() caller: Caller,
  ) {
    return this.schedule.accept(caller, body);
  }
}

/** The combined schedule (docs/adr/0018-combined-schedule.md). */
@Module({
  imports: [ProgramActionsModule],
  controllers: [ScheduleController],
  providers: [ScheduleService, ScheduleSource],
})
export class ScheduleModule {}
