import { Controller, Get, Module, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, ofResource } from '../../access/route-policy.decorators.js';
import { IdParams, OrganizationParams } from '../../common/id-params.schema.js';
import {
  FindingPage,
  FindingsQuery,
  ProgramRecords,
  ScheduleQuery,
  SchedulePage,
} from './program-records.schemas.js';
import { ProgramRecordsService } from './program-records.service.js';

@ApiTags('read model')
@Controller()
export class ProgramRecordsController {
  constructor(private readonly records: ProgramRecordsService) {}

  /** Every cycle's audits, decisions and deadlines, certificates, and SOC 2 periods, reports and coverage. */
  @Get('programs/:id/records')
  @Allow('programs.read', ofResource('program'))
  @ZodResponse({ status: 200, type: ProgramRecords })
  program(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.records.records(caller, id);
  }

  /** Findings and control exceptions across the programs the caller may see (e.g. every unresolved major). */
  @Get('organizations/:organizationId/findings')
  @Allow('programs.read', inOrganization())
  @ZodResponse({ status: 200, type: FindingPage })
  findings(
    @Param() _params: OrganizationParams,
    @Query() query: FindingsQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.records.findings(caller, query);
  }

  /** The audit schedule: audits, decisions and deadlines of every program between two days. */
  @Get('organizations/:organizationId/schedule')
  @Allow('schedule.read', inOrganization())
  @ZodResponse({ status: 200, type: SchedulePage })
  schedule(
    @Param() _params: OrganizationParams,
    @Query() query: ScheduleQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.records.schedule(caller, query);
  }
}

/** Queries of the read model (docs/adr/0014). */
@Module({ controllers: [ProgramRecordsController], providers: [ProgramRecordsService] })
export class ProgramRecordsModule {}
