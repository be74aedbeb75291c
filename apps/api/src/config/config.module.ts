import { Global, Module } from '@nestjs/common';

import { loadConfig } from './config.schema.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Validates the environment once at start-up; tests override APP_CONFIG to point at their own servers. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: () => loadConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
