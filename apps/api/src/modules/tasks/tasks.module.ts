import { Module } from '@nestjs/common';

import { EvidenceModule } from '../evidence/evidence.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({ imports: [EvidenceModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
