import { Module } from '@nestjs/common';

import { PendingProgramsReconciler } from './pending-programs.reconciler.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';

@Module({
  controllers: [ProgramsController],
  providers: [ProgramsService, PendingProgramsReconciler],
  exports: [ProgramsService],
})
export class ProgramsModule {}
