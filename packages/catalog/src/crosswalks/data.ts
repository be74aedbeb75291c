import type { Crosswalk } from '../schema.js';
import { euAiActIso42001 } from './eu-ai-act-iso42001.js';
import { iso42001Iso27001 } from './iso42001-iso27001.js';
import { nistAiRmfIso42001 } from './nist-ai-rmf-iso42001.js';
import { soc2Iso27001 } from './soc2-iso27001.js';

/** The crosswalk data modules as written, before validation (`index.ts` parses them; `lookup.ts` reads rows). */
export const crosswalkData: readonly Crosswalk[] = [
  soc2Iso27001,
  iso42001Iso27001,
  nistAiRmfIso42001,
  euAiActIso42001,
];
