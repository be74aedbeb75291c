import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { ApiModule } from '../api.module.js';
import { APP_CONFIG } from '../config/config.module.js';
import { loadConfig } from '../config/config.schema.js';
import { PRISMA } from '../database/database.module.js';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module.js';
import { createOpenApiDocument, serializeOpenApiDocument } from './openapi-document.js';

// Describing routes never calls a service, so empty stand-ins let the document be built on a machine
// (or a CI step) with no database and no Temporal server.
const unused = Object.freeze({});

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig({}) },
    { provide: PRISMA, useValue: unused },
    { provide: TEMPORAL_CLIENT, useValue: unused },
  ],
  exports: [APP_CONFIG, PRISMA, TEMPORAL_CLIENT],
})
class InertInfrastructureModule {}

@Module({ imports: [InertInfrastructureModule, ApiModule] })
class DocumentOnlyModule {}

/** The serialized OpenAPI document, exactly as `pnpm --filter @certflow/api openapi` commits it. */
export async function renderOpenApiDocument(): Promise<string> {
  const app = await NestFactory.create(DocumentOnlyModule, { logger: false, abortOnError: false });
  try {
    return serializeOpenApiDocument(createOpenApiDocument(app));
  } finally {
    await app.close();
  }
}
