import type { Server } from 'node:http';

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { AppModule } from '../src/app.module.js';
import { APP_CONFIG } from '../src/config/config.module.js';
import { type AppConfig, loadConfig } from '../src/config/config.schema.js';
import { configureApp } from '../src/configure-app.js';

export interface TestAppOptions {
  databaseUrl: string;
  temporalAddress: string;
  queryTimeoutMs?: number;
}

/** The real AppModule (real Prisma, real Temporal client) pointed at the test's own servers. */
export async function createTestApp(
  options: TestAppOptions,
): Promise<{ app: INestApplication; config: AppConfig }> {
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_QUERY_TIMEOUT_MS: String(options.queryTimeoutMs ?? 1500),
    TEMPORAL_RPC_TIMEOUT_MS: '3000',
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configureApp(app, config);
  await app.init();
  return { app, config };
}

/** The app's HTTP server, typed for supertest (Nest returns `any`). */
export function server(app: INestApplication): Server {
  return app.getHttpServer() as Server;
}

export interface ErrorBody {
  message: string;
  errors?: { path: string; message: string }[];
  correlationId?: string;
}
