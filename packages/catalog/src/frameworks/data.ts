import type { Framework } from '../schema.js';
import { euAiAct } from './eu-ai-act.js';
import { iso27001 } from './iso27001.js';
import { iso42001 } from './iso42001.js';
import { nistAiRmf } from './nist-ai-rmf.js';
import { soc2 } from './soc2.js';

/** The framework data modules as written, before validation (`index.ts` parses them; `lookup.ts` reads ids). */
export const frameworkData: readonly Framework[] = [iso42001, iso27001, soc2, nistAiRmf, euAiAct];
