import { Module } from '@nestjs/common';

import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.schema.js';
import { ProgramActionsModule } from '../program-actions/program-actions.module.js';
import { EvidenceStore } from './evidence-store.js';
import { EvidenceController } from './evidence.controller.js';
import { EVIDENCE_STORE, EvidenceService } from './evidence.service.js';

@Module({
  imports: [ProgramActionsModule],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    {
      provide: EVIDENCE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new EvidenceStore(config.evidence.dir, config.evidence.maxBytes),
    },
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
