import { Body, Controller, Delete, Get, HttpCode, Param, Put, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization, Public } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { SsoSettingsService } from './sso-settings.service.js';
import { SsoSignInService } from './sso-sign-in.service.js';
import { SsoRedirect, SsoSettings, StartSso, UpdateSsoSettings } from './sso.schemas.js';

@ApiTags('sso')
@ApiBadRequestResponse({ type: ErrorResponse.Output })
@Controller()
export class SsoController {
  constructor(
    private readonly settings: SsoSettingsService,
    private readonly signIn: SsoSignInService,
  ) {}

  @Get('organizations/:organizationId/sso')
  @Allow('sso.manage', inOrganization())
  @ZodResponse({ status: 200, type: SsoSettings })
  get(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.settings.get(caller);
  }

  /** Sets the OpenID Connect provider (checked by reading its discovery document), optionally required. */
  @Put('organizations/:organizationId/sso')
  @Allow('sso.manage', inOrganization())
  @ZodResponse({ status: 200, type: SsoSettings })
  update(
    @Param() _params: OrganizationParams,
    @Body() body: UpdateSsoSettings,
    @CurrentCaller() caller: Caller,
  ) {
    return this.settings.update(caller, body);
  }

  @Delete('organizations/:organizationId/sso')
  @Allow('sso.manage', inOrganization())
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Single sign-on removed' })
  async remove(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller): Promise<void> {
    await this.settings.remove(caller);
  }

  /** Begins single sign-on: answers where to send the browser (the provider's sign-in page). */
  @Post('auth/sso/start')
  @Public()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: SsoRedirect })
  start(@Body() body: StartSso, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.signIn.start(req, res, body.organization, body.returnTo);
  }

  /** Where the provider sends the browser back; redirects into the app, or to its sign-in page on failure. */
  @Get('auth/sso/callback')
  @Public()
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiFoundResponse({
    description: 'To the page the sign-in started from, or /sign-in?sso_error=<reason> on the web app',
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.redirect(302, await this.signIn.callback(req, res));
  }
}
