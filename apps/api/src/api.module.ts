import { Module } from '@nestjs/common';

import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit-trail.js';
import { CommonModule } from './common/common.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { ProgramsModule } from './modules/programs/programs.module.js';

/**
 * Every HTTP feature and the cross-cutting HTTP behaviour, without the infrastructure they inject.
 * AppModule adds the real config, database and Temporal client; the OpenAPI writer adds inert stand-ins.
 */
@Module({
  imports: [
    CommonModule,
    AuditModule,
    AccessModule,
    AccountsModule,
    AuthModule,
    HealthModule,
    OrganizationsModule,
    ProgramsModule,
  ],
})
export class ApiModule {}
