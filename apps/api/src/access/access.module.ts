import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';

import { CLOCK, systemClock } from '../common/clock.js';
import { ReadCacheModule } from '../read-cache/read-cache.module.js';
import { AccessGuard } from './access.guard.js';
import { ApiTokenAuthenticator } from './api-token-authenticator.js';
import { OrganizationLocator } from './organization-locator.js';
import { ProgramVisibility } from './program-visibility.js';
import { RoutePolicyCheck } from './route-policy.check.js';
import { SessionStore } from './session-store.js';

/**
 * Authentication and authorisation for every route: the global guard, sessions, API tokens, the start-up check
 * that every route declares its policy, and the program visibility every query goes through.
 */
@Global()
@Module({
  imports: [DiscoveryModule, ReadCacheModule],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: APP_GUARD, useClass: AccessGuard },
    SessionStore,
    ApiTokenAuthenticator,
    OrganizationLocator,
    ProgramVisibility,
    RoutePolicyCheck,
  ],
  exports: [CLOCK, SessionStore, ProgramVisibility, RoutePolicyCheck],
})
export class AccessModule {}
