import { Module } from '@nestjs/common';

import { SoaController } from './soa.controller.js';
import { SoaService } from './soa.service.js';

@Module({ controllers: [SoaController], providers: [SoaService] })
export class StatementOfApplicabilityModule {}
