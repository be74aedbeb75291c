import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createPrismaClient, type DatabaseHandle, type PrismaClient } from '@certflow/db';

import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

export const PRISMA = Symbol('PRISMA');
const DATABASE_HANDLE = Symbol('DATABASE_HANDLE');

/**
 * One Prisma client for the API, PostgreSQL or embedded PGlite as configured; closed on shutdown.
 * Migrations are applied outside the API (packages/db), so several API replicas never race to migrate.
 */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_HANDLE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createPrismaClient(config.database),
    },
    {
      provide: PRISMA,
      inject: [DATABASE_HANDLE],
      useFactory: (handle: DatabaseHandle): PrismaClient => handle.prisma,
    },
  ],
  exports: [PRISMA],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_HANDLE) private readonly handle: DatabaseHandle) {}

  async onApplicationShutdown(): Promise<void> {
    await this.handle.close();
  }
}
