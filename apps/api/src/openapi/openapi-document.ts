import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

import { CORRELATION_ID_HEADER } from '../common/correlation-id.middleware.js';

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Certflow API')
    .setDescription(
      `Runs certification programs (ISO/IEC 27001, ISO/IEC 42001, SOC 2 Type II) as durable workflows. ` +
        `Every response carries \`${CORRELATION_ID_HEADER}\`; send one to correlate your own logs.`,
    )
    .setVersion('0.1.0')
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
}

/** Recursively sorted keys and a trailing newline, so the committed file changes only when the API does. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
