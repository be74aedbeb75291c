import { z } from 'zod';
import { frameworkIdSchema } from '../schema.js';

const isoDate = z.iso.date();

/** One enacted text in a regime's history. Replacement is modelled as a new version, never as an edit. */
export const regimeVersionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    kind: z.enum(['act', 'amendment', 'repeal-and-reenact']),
    signed: isoDate,
    /** The date the text said it would take effect (the last one, if it was moved). */
    effectiveDate: isoDate,
    status: z.enum(['repealed_never_effective', 'enacted_not_yet_effective', 'in_force']),
    amends: z.string().nullable(),
    supersedes: z.string().nullable(),
    supersededBy: z.string().nullable(),
    /** Court-ordered pause on enforcement, tracked apart from status because it can lift without a new law. */
    enforcementStayed: z.boolean(),
    summary: z.string().min(20),
    verification: z.enum(['verified', 'secondary', 'unverified']),
  })
  .strict();

export const regimeRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string(),
    ref: z.string().min(1),
    title: z.string().min(1),
    summary: z.string().min(20),
    dutyHolder: z.enum(['developer', 'deployer', 'attorney-general', 'any']),
    status: z.enum(['active', 'retired']),
    retiredBy: z.string().nullable(),
    /** Frameworks the rule refers to, e.g. the retired NIST AI RMF / ISO 42001 affirmative defence. */
    frameworks: z.array(frameworkIdSchema),
    verification: z.enum(['verified', 'secondary', 'unverified']),
  })
  .strict();

export const regimeSchema = z
  .object({
    id: z.enum(['colorado-ai-act']),
    name: z.string().min(1),
    jurisdiction: z.string().min(1),
    /** Statuses are as of this date; the catalog never reads the clock, so consumers compare dates themselves. */
    statusAsOf: isoDate,
    litigation: z.array(z.object({ case: z.string(), since: isoDate, effect: z.string() }).strict()),
    versions: z.array(regimeVersionSchema).min(1),
    rules: z.array(regimeRuleSchema),
  })
  .strict();

export type RegimeVersion = z.infer<typeof regimeVersionSchema>;
export type RegimeRule = z.infer<typeof regimeRuleSchema>;
export type Regime = z.infer<typeof regimeSchema>;
export type RegimeId = Regime['id'];
