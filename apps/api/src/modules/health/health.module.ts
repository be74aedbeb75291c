import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { HealthController } from './health.controller.js';
import { DependencyHealthIndicators } from './health.indicators.js';

@Module({
  // Terminus logs every failed probe itself; our filter already reports the 503 body.
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' })],
  controllers: [HealthController],
  providers: [DependencyHealthIndicators],
})
export class HealthModule {}
