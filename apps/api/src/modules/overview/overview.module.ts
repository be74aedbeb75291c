import { Controller, Get, Module, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';

import { CurrentCaller } from '../../access/current-caller.decorator.js';
import type { Caller } from '../../access/principal.js';
import { Allow, inOrganization } from '../../access/route-policy.decorators.js';
import { OrganizationParams } from '../../common/id-params.schema.js';
import { CachedRead } from '../../read-cache/cached-read.decorator.js';
import { Dashboard } from './dashboard.schemas.js';
import { DashboardService } from './dashboard.service.js';
import { Overview } from './overview.schemas.js';
import { OverviewService } from './overview.service.js';

@ApiTags('overview')
@Controller()
class OverviewController {
  constructor(
    private readonly overview: OverviewService,
    private readonly dashboards: DashboardService,
  ) {}

  /** Programs per framework with stage and risk: the executive's home. */
  @Get('organizations/:organizationId/overview')
  @Allow('overview.read', inOrganization())
  @ZodResponse({ status: 200, type: Overview })
  @CachedRead()
  get(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.overview.overview(caller);
  }

  /** Readiness per framework, milestones at risk and the next 90 days, from the read model. */
  @Get('organizations/:organizationId/overview/dashboard')
  @Allow('overview.read', inOrganization())
  @ZodResponse({ status: 200, type: Dashboard })
  @CachedRead()
  dashboard(@Param() _params: OrganizationParams, @CurrentCaller() caller: Caller) {
    return this.dashboards.dashboard(caller);
  }
}

@Module({ controllers: [OverviewController], providers: [OverviewService, DashboardService] })
export class OverviewModule {}
