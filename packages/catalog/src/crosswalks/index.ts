import { crosswalkSchema, type Crosswalk } from '../schema.js';
import { euAiActIso42001 } from './eu-ai-act-iso42001.js';
import { iso42001Iso27001 } from './iso42001-iso27001.js';
import { nistAiRmfIso42001 } from './nist-ai-rmf-iso42001.js';
import { soc2Iso27001 } from './soc2-iso27001.js';

export const crosswalks: readonly Crosswalk[] = Object.freeze(
  [soc2Iso27001, iso42001Iso27001, nistAiRmfIso42001, euAiActIso42001].map((c) => crosswalkSchema.parse(c)),
);
