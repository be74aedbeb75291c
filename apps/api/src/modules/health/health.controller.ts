import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';

import { DependencyHealthIndicators } from './health.indicators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: DependencyHealthIndicators,
  ) {}

  /** 200 when PostgreSQL and Temporal both answer, 503 naming the one that does not. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.indicators.database(), () => this.indicators.temporal()]);
  }
}
