import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

import { SESSION_SCHEME, TOKEN_SCHEME } from '../access/route-policy.decorators.js';
import { CORRELATION_ID_HEADER } from '../common/correlation-id.middleware.js';

/** The default cookie name; deployments may rename it with SESSION_COOKIE_NAME. */
const DOCUMENTED_COOKIE = 'certflow_session';

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Certflow API')
    .setDescription(
      `Runs certification programs (ISO/IEC 27001, ISO/IEC 42001, SOC 2 Type II) as durable workflows. ` +
        `Every response carries \`${CORRELATION_ID_HEADER}\`; send one to correlate your own logs.`,
    )
    .setVersion('0.1.0')
    .addCookieAuth(
      DOCUMENTED_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'Server-side session opened by POST /auth/sign-in or single sign-on (httpOnly, SameSite=Lax). ' +
          'Changes sent with it must come from a trusted origin (Origin or Referer header).',
      },
      SESSION_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque (cft_…)',
        description: 'An organisation API token (cft_…), created by an admin; acts with the token’s role.',
      },
      TOKEN_SCHEME,
    )
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
