import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams, OrganizationParams } from '../../common/id-params.schema.js';
import { ApiToken, CreateApiToken, CreatedApiToken } from './api-tokens.schemas.js';
import { ApiTokensService } from './api-tokens.service.js';

@ApiTags('api-tokens')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller()
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get('organizations/:organizationId/api-tokens')
  @Allow('api-tokens.manage', inOrganization())
  @ZodResponse({ status: 200, type: [ApiToken] })
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.tokens.list(caller);
  }

  /** Creates a token; its secret is in this response only. */
  @Post('organizations/:organizationId/api-tokens')
  @Allow('api-tokens.manage', inOrganization())
  @ZodResponse({ status: 201, type: CreatedApiToken })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'The name is taken in this organisation' })
  create(
    @Param() _params: OrganizationParams,
    @Body() body: CreateApiToken,
    @CurrentCaller() caller: Caller,
  ) {
    return this.tokens.create(caller, body);
  }

  /** Revokes a token at once; requests with it are refused from now on. */
  @Post('api-tokens/:id/revoke')
  @Allow('api-tokens.manage', ofResource('api-token'))
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ApiToken })
  revoke(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.tokens.revoke(caller, id);
  }
}
