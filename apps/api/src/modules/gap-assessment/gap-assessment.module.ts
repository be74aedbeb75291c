import { Module } from '@nestjs/common';

import { ProgramActionsModule } from '../program-actions/program-actions.module.js';
import { RequirementStatusModule } from '../requirement-status/requirement-status.module.js';
import { GapAssessmentController } from './gap-assessment.controller.js';
import { GapAssessmentService } from './gap-assessment.service.js';
import { GapFinalisationService } from './gap-finalisation.service.js';

@Module({
  imports: [RequirementStatusModule, ProgramActionsModule],
  controllers: [GapAssessmentController],
  providers: [GapAssessmentService, GapFinalisationService],
})
export class GapAssessmentModule {}
