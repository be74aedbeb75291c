import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { renderOpenApiDocument } from './document-only.module.js';
import { committedOpenApiPath } from './paths.js';

describe('committed OpenAPI document', () => {
  it('matches the API', async () => {
    const committed = await readFile(committedOpenApiPath, 'utf8').catch(() => '');
    const generated = await renderOpenApiDocument();
    expect(
      committed === generated,
      'packages/api-client/openapi.json is out of date: run `pnpm --filter @certflow/api openapi`, then ' +
        '`pnpm --filter @certflow/api-client generate`, and commit both files',
    ).toBe(true);
  });
});
