import { Module } from '@nestjs/common';

import { RequirementStatusController } from './requirement-status.controller.js';
import { RequirementStatusService } from './requirement-status.service.js';
import { RequirementStatusWriter } from './requirement-status.writer.js';

@Module({
  controllers: [RequirementStatusController],
  providers: [RequirementStatusService, RequirementStatusWriter],
  exports: [RequirementStatusWriter],
})
export class RequirementStatusModule {}
