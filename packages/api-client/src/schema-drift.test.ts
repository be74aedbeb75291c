import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { expect, it } from 'vitest';

import document from '../openapi.json';
import committed from './schema.d.ts?raw';

it('src/schema.d.ts is generated from the committed openapi.json', async () => {
  // Same call and options as the `generate` script. Defaults must not make request fields required.
  const spec = document as unknown as Parameters<typeof openapiTS>[0];
  const generated = COMMENT_HEADER + astToString(await openapiTS(spec, { defaultNonNullable: false }));
  expect(
    generated === committed,
    'src/schema.d.ts is out of date: run `pnpm --filter @certflow/api-client generate` and commit it',
  ).toBe(true);
});
