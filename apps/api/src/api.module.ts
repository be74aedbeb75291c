import { Module } from '@nestjs/common';

import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit-trail.js';
import { CommonModule } from './common/common.module.js';
import { MailModule } from './mail/mail.module.js';
import { ReadCacheModule } from './read-cache/read-cache.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { ApiTokensModule } from './modules/api-tokens/api-tokens.module.js';
import { AuditTrailModule } from './modules/audit-trail/audit-trail.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CostModule } from './modules/cost/cost.module.js';
import { GapAssessmentModule } from './modules/gap-assessment/gap-assessment.module.js';
import { EvidenceModule } from './modules/evidence/evidence.module.js';
import { GrantsModule } from './modules/grants/grants.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { LiveUpdatesModule } from './modules/live-updates/live-updates.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { MyTasksModule } from './modules/my-tasks/my-tasks.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { OverviewModule } from './modules/overview/overview.module.js';
import { ProgramActionsModule } from './modules/program-actions/program-actions.module.js';
import { ProgramRecordsModule } from './modules/program-records/program-records.controller.js';
import { ProgramsModule } from './modules/programs/programs.module.js';
import { RequirementStatusModule } from './modules/requirement-status/requirement-status.module.js';
import { CalendarFeedsModule } from './modules/calendar-feeds/calendar-feeds.module.js';
import { ScheduleModule } from './modules/schedule/schedule.module.js';
import { SecurityEventsModule } from './modules/security-events/security-events.module.js';
import { SsoModule } from './modules/sso/sso.module.js';
import { StatementOfApplicabilityModule } from './modules/statement-of-applicability/soa.module.js';
import { TasksModule } from './modules/tasks/tasks.module.js';

/**
 * Every HTTP feature and the cross-cutting HTTP behaviour, without the infrastructure they inject.
 * AppModule adds the real config, database and Temporal client; the OpenAPI writer adds inert stand-ins.
 */
@Module({
  imports: [
    // Cross-cutting: the read cache, validation and errors, the audit trail, the access guard, accounts, mail.
    ReadCacheModule,
    CommonModule,
    AuditModule,
    AccessModule,
    AccountsModule,
    MailModule,
    // Features.
    AuthModule,
    HealthModule,
    OrganizationsModule,
    MembersModule,
    InvitationsModule,
    ApiTokensModule,
    GrantsModule,
    SsoModule,
    SecurityEventsModule,
    ProgramsModule,
    ProgramActionsModule,
    ProgramRecordsModule,
    MyTasksModule,
    OverviewModule,
    RequirementStatusModule,
    GapAssessmentModule,
    StatementOfApplicabilityModule,
    TasksModule,
    EvidenceModule,
    AuditTrailModule,
    LiveUpdatesModule,
    // Leadership: the combined schedule (issue 12, part A).
    ScheduleModule,
    CalendarFeedsModule,
    CostModule,
  ],
})
export class ApiModule {}
