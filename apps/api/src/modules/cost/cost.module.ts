import { Module } from '@nestjs/common';

import { CostLedgerService } from './cost-ledger.service.js';
import { CostSummaryService } from './cost-summary.service.js';
import { CostController } from './cost.controller.js';

@Module({ controllers: [CostController], providers: [CostLedgerService, CostSummaryService] })
export class CostModule {}
