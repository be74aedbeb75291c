import { Module } from '@nestjs/common';

import { PendingProgramsReconciler } from './pending-programs.reconciler.js';
import { ProgramSettingsController } from './program-settings.controller.js';
import { ProgramSettingsService } from './program-settings.service.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';

@Module({
  controllers: [ProgramsController, ProgramSettingsController],
  providers: [ProgramsService, ProgramSettingsService, PendingProgramsReconciler],
  exports: [ProgramsService],
})
export class ProgramsModule {}
