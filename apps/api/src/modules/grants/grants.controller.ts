import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams, OrganizationParams } from '../../common/id-params.schema.js';
import { CreateProgramGrant, ProgramGrant } from './grants.schemas.js';
import { GrantsService } from './grants.service.js';

@ApiTags('program-grants')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller()
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get('organizations/:organizationId/program-grants')
  @Allow('grants.read', inOrganization())
  @ZodResponse({ status: 200, type: [ProgramGrant] })
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.grants.list(caller);
  }

  /** Lets an auditor read one program between two dates. */
  @Post('organizations/:organizationId/program-grants')
  @Allow('grants.manage', inOrganization())
  @ZodResponse({ status: 201, type: ProgramGrant })
  create(
    @Param() _params: OrganizationParams,
    @Body() body: CreateProgramGrant,
    @CurrentCaller() caller: Caller,
  ) {
    return this.grants.create(caller, body);
  }

  @Post('program-grants/:id/revoke')
  @Allow('grants.manage', ofResource('program-grant'))
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ProgramGrant })
  revoke(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.grants.revoke(caller, id);
  }
}
