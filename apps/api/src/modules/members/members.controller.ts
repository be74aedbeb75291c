import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, ofResource } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams, OrganizationParams } from '../../common/id-params.schema.js';
import { ChangeRole, Member } from './members.schemas.js';
import { MembersService } from './members.service.js';

const lastAdmin = ApiConflictResponse({
  type: ErrorResponse.Output,
  description: 'It is the organisation’s last admin',
});

@ApiTags('members')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller()
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('organizations/:organizationId/members')
  @Allow('members.read', inOrganization())
  @ZodResponse({ status: 200, type: [Member] })
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.members.list(caller);
  }

  /** Gives a member another role; the last admin cannot be demoted. */
  @Patch('memberships/:id')
  @Allow('members.manage', ofResource('membership'))
  @ZodResponse({ status: 200, type: Member })
  @lastAdmin
  changeRole(@Param() { id }: IdParams, @Body() body: ChangeRole, @CurrentCaller() caller: Caller) {
    return this.members.changeRole(caller, id, body.role);
  }

  /** Removes a member (their program grants end); the last admin cannot be removed. */
  @Delete('memberships/:id')
  @Allow('members.manage', ofResource('membership'))
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @lastAdmin
  async remove(@Param() { id }: IdParams, @CurrentCaller() caller: Caller): Promise<void> {
    await this.members.remove(caller, id);
  }
}
