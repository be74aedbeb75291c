import { Module } from '@nestjs/common';

import { ApiModule } from './api.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { TemporalModule } from './temporal/temporal.module.js';

@Module({
  imports: [ConfigModule, DatabaseModule, TemporalModule, ApiModule],
})
export class AppModule {}
