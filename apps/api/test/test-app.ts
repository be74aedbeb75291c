import type { Server } from 'node:http';

import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { AppModule } from '../src/app.module.js';
import { CLOCK, type Clock, systemClock } from '../src/common/clock.js';
import { APP_CONFIG } from '../src/config/config.module.js';
import { type AppConfig, loadConfig } from '../src/config/config.schema.js';
import { configureApp } from '../src/configure-app.js';

export interface TestAppOptions {
  databaseUrl: string;
  temporalAddress: string;
  queryTimeoutMs?: number;
  /** Extra environment (e.g. SMTP_PORT of a capturing server, tighter sign-in limits). */
  env?: Record<string, string>;
  clock?: Clock;
}

/** The browser origin the tests' requests claim; trusted by the default configuration. */
export const TRUSTED_ORIGIN = 'http://localhost:5173';

/** The real AppModule (real Prisma, real Temporal client) pointed at the test's own servers. */
export async function createTestApp(
  options: TestAppOptions,
): Promise<{ app: INestApplication; config: AppConfig }> {
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_QUERY_TIMEOUT_MS: String(options.queryTimeoutMs ?? 1500),
    TEMPORAL_RPC_TIMEOUT_MS: '3000',
    // Integration tests sign in many times from one address; the limits get their own tests.
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(CLOCK)
    .useValue(options.clock ?? systemClock)
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
  code?: string;
}
