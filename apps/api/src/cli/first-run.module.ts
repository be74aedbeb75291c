import { Module } from '@nestjs/common';

import { AccessModule } from '../access/access.module.js';
import { AuditModule } from '../audit/audit-trail.js';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { AccountsModule } from '../modules/accounts/accounts.module.js';
import { FirstRunModule } from '../modules/first-run/first-run.module.js';
import { TemporalModule } from '../temporal/temporal.module.js';

/** What the first-run command needs: the API's own services, without its HTTP server. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    TemporalModule,
    AuditModule,
    AccessModule,
    AccountsModule,
    FirstRunModule,
  ],
})
export class FirstRunCliModule {}
