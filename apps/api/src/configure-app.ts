import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';

import { CORRELATION_ID_HEADER } from './common/correlation-id.middleware.js';
import type { AppConfig } from './config/config.schema.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';

/** Application-level settings shared by main.ts and the integration tests, so tests run the real app. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  // Which proxies may tell us the client address (sign-in limits) and the scheme (Secure cookies).
  (app as NestExpressApplication).set('trust proxy', trustProxySetting(config.trustProxy));
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', CORRELATION_ID_HEADER],
    exposedHeaders: [CORRELATION_ID_HEADER, 'Retry-After'],
  });
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** Express reads `true`/`false`, a hop count, or a comma-separated list of names/addresses/subnets. */
function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
