import { Module } from '@nestjs/common';

import { InvitationsModule } from '../invitations/invitations.module.js';
import { OidcClient } from './oidc-client.js';
import { SsoSettingsService } from './sso-settings.service.js';
import { SsoSignInService } from './sso-sign-in.service.js';
import { SsoController } from './sso.controller.js';

@Module({
  imports: [InvitationsModule],
  controllers: [SsoController],
  providers: [OidcClient, SsoSettingsService, SsoSignInService],
})
export class SsoModule {}
