import { Module } from '@nestjs/common';

import { ActionRequests } from './action-requests.js';
import { ProgramActionsController } from './program-actions.controller.js';
import { ProgramActionsService } from './program-actions.service.js';

/** Every workflow action as an endpoint (docs/adr/0015-program-actions.md). */
@Module({
  controllers: [ProgramActionsController],
  providers: [ProgramActionsService, ActionRequests],
  // The gap assessment's finalisation and evidence uploads (attachEvidence) reach the workflow through this
  // service, never a second path.
  exports: [ProgramActionsService],
})
export class ProgramActionsModule {}
