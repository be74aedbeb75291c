import { Module } from '@nestjs/common';

import { ProgramsModule } from '../programs/programs.module.js';
import { FirstRunService } from './first-run.service.js';

@Module({ imports: [ProgramsModule], providers: [FirstRunService], exports: [FirstRunService] })
export class FirstRunModule {}
