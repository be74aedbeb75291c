import type { FrameworkId } from '../ids.js';
import { frameworkSchema, type Framework } from '../schema.js';
import { euAiAct } from './eu-ai-act.js';
import { iso27001 } from './iso27001.js';
import { iso42001 } from './iso42001.js';
import { nistAiRmf } from './nist-ai-rmf.js';
import { soc2 } from './soc2.js';

// Validated at module load so a broken data edit fails the first import, in tests and in the worker alike.
export const frameworks: Readonly<Record<FrameworkId, Framework>> = Object.freeze({
  iso42001: frameworkSchema.parse(iso42001),
  iso27001: frameworkSchema.parse(iso27001),
  soc2: frameworkSchema.parse(soc2),
  'nist-ai-rmf': frameworkSchema.parse(nistAiRmf),
  'eu-ai-act': frameworkSchema.parse(euAiAct),
});
