import { writeFile } from 'node:fs/promises';

import { renderOpenApiDocument } from './document-only.module.js';
import { committedOpenApiPath } from './paths.js';

// `pnpm --filter @certflow/api openapi` builds and runs this after any route or schema change; then run
// `pnpm --filter @certflow/api-client generate` so the typed client follows.
await writeFile(committedOpenApiPath, await renderOpenApiDocument());
console.log(`Wrote ${committedOpenApiPath}`);
