import { fileURLToPath } from 'node:url';

/** The committed document the web client is generated from (same path from src/ and dist/). */
export const committedOpenApiPath = fileURLToPath(
  new URL('../../../../packages/api-client/openapi.json', import.meta.url),
);
