import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse, ZodSerializerDto } from 'nestjs-zod';

import { CurrentPrincipal } from '../../access/current-caller.decorator.js';
import type { Principal, UserPrincipal } from '../../access/principal.js';
import { Public, SignedIn } from '../../access/route-policy.decorators.js';
import { ErrorResponse } from '../../common/error-response.schema.js';
import { Me, SignIn } from './auth.schemas.js';
import { MeService } from './me.service.js';
import { SignInService } from './sign-in.service.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly signInService: SignInService,
    private readonly me: MeService,
  ) {}

  /** Opens a session (httpOnly cookie); any session the browser already had is ended (rotation). */
  @Post('auth/sign-in')
  @Public()
  @HttpCode(200)
  @ZodSerializerDto(Me)
  @ApiOkResponse({ type: Me.Output, description: 'Signed in; the session cookie is set' })
  @ApiUnauthorizedResponse({
    type: ErrorResponse.Output,
    description: 'Wrong email or password (code invalid_credentials); the message never says which',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse.Output,
    description: 'Too many attempts for this account or from this address; Retry-After says when to retry',
  })
  signIn(@Body() body: SignIn, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.signInService.signIn(req, res, body.email, body.password);
  }

  /** Ends this session and clears its cookie. */
  @Post('auth/sign-out')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out' })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.signInService.signOut(req, res, principal as UserPrincipal);
  }

  /** Ends every session of the signed-in person, on every device. */
  @Post('auth/sign-out-everywhere')
  @SignedIn()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every session of this person has ended' })
  async signOutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.signInService.signOutEverywhere(req, res, principal as UserPrincipal);
  }

  /** The caller, their organisations, role and permissions in each. */
  @Get('me')
  @SignedIn({ tokens: true })
  @ZodResponse({ status: 200, type: Me })
  get(@CurrentPrincipal() principal: Principal) {
    return this.me.describe(principal);
  }
}
