import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse, ZodSerializerDto } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, ofResource, Public } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { IdParams, OrganizationParams } from '../../common/id-params.schema.js';
import { Me } from '../auth/auth.schemas.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import {
  AcceptInvitation,
  CreateInvitation,
  InspectInvitation,
  Invitation,
  InvitationPreview,
} from './invitations.schemas.js';
import { InvitationsService } from './invitations.service.js';

@ApiTags('invitations')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly acceptance: InvitationAcceptanceService,
  ) {}

  @Get('organizations/:organizationId/invitations')
  @Allow('invitations.manage', inOrganization())
  @ZodResponse({ status: 200, type: [Invitation] })
  list(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.invitations.list(caller);
  }

  /** Invites a person by email with a role and mails them a link that expires. */
  @Post('organizations/:organizationId/invitations')
  @Allow('invitations.manage', inOrganization())
  @ZodResponse({ status: 201, type: Invitation })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'Already a member, or already invited' })
  create(
    @Param() _params: OrganizationParams,
    @Body() body: CreateInvitation,
    @CurrentCaller() caller: Caller,
  ) {
    return this.invitations.create(caller, body.email, body.role);
  }

  /** Sends a new link with a new expiry; the previous link stops working. */
  @Post('invitations/:id/resend')
  @Allow('invitations.manage', ofResource('invitation'))
  @HttpCode(200)
  @ZodResponse({ status: 200, type: Invitation })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'Already accepted or revoked' })
  resend(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.invitations.resend(caller, id);
  }

  @Post('invitations/:id/revoke')
  @Allow('invitations.manage', ofResource('invitation'))
  @HttpCode(200)
  @ZodResponse({ status: 200, type: Invitation })
  @ApiConflictResponse({ type: ErrorResponse.Output, description: 'Already accepted' })
  revoke(@Param() { id }: IdParams, @CurrentCaller() caller: Caller) {
    return this.invitations.revoke(caller, id);
  }

  /** What an invitation link is for; a used, revoked, expired or unknown link is a 400 naming `token`. */
  @Post('auth/invitations/inspect')
  @Public()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: InvitationPreview })
  inspect(@Body() body: InspectInvitation) {
    return this.acceptance.inspect(body.token);
  }

  /** Joins the organisation (creating the account if needed) and signs in. */
  @Post('auth/invitations/accept')
  @Public()
  @HttpCode(200)
  @ZodSerializerDto(Me)
  @ApiOkResponse({ type: Me.Output, description: 'Joined and signed in; the session cookie is set' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse.Output,
    description: 'Too many wrong passwords for the existing account; Retry-After says when to retry',
  })
  accept(@Body() body: AcceptInvitation, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.acceptance.accept(req, res, body);
  }
}
