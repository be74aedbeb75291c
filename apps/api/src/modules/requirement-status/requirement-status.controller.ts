import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import {
  ListStatusesQuery,
  RequirementStatusesUpdated,
  RequirementStatusPage,
  UpdateRequirementStatuses,
} from './requirement-status.schemas.js';
import { RequirementStatusService } from './requirement-status.service.js';

@ApiTags('implementation')
@Controller('organizations/:organizationId/requirement-statuses')
export class RequirementStatusController {
  constructor(private readonly statuses: RequirementStatusService) {}

  /** The statuses the organisation recorded, by requirement id; a requirement without a row has none yet. */
  @Get()
  @Allow('implementation.read', inOrganization())
  @ZodResponse({ status: 200, type: RequirementStatusPage })
  list(
    @Param() _params: OrganizationParams,
    @Query() query: ListStatusesQuery,
    @CurrentCaller() caller: Caller,
  ) {
    return this.statuses.list(caller, query);
  }

  /**
   * Sets the status of up to 500 requirements (each item replaces that requirement's record). Every real change
   * is an audit event with the caller as actor; repeating the same request changes nothing.
   */
  @Put()
  @Allow('implementation.manage', inOrganization())
  @ZodResponse({ status: 200, type: RequirementStatusesUpdated })
  update(
    @Param() _params: OrganizationParams,
    @Body() body: UpdateRequirementStatuses,
    @CurrentCaller() caller: Caller,
  ) {
    return this.statuses.update(caller, body);
  }
}
