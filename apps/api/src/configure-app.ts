import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';

import { CORRELATION_ID_HEADER } from './common/correlation-id.middleware.js';
import type { AppConfig } from './config/config.schema.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';

/** Application-level settings shared by main.ts and the integration tests, so tests run the real app. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  app.enableCors({
    origin: config.corsOrigins,
    allowedHeaders: ['Content-Type', 'Idempotency-Key', CORRELATION_ID_HEADER],
    exposedHeaders: [CORRELATION_ID_HEADER],
  });
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
