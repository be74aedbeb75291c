import { z } from 'zod';
import { dutyHolders, frameworkIds, relations, requirementKinds, tags } from './ids.js';

export const frameworkIdSchema = z.enum(frameworkIds);
export const requirementIdSchema = z.templateLiteral([frameworkIdSchema, ':', z.string().min(1)]);
const isoDate = z.iso.date();

export const requirementSchema = z
  .object({
    id: requirementIdSchema,
    framework: frameworkIdSchema,
    /** The reference as the publisher prints it: `A.5.1`, `CC6.1`, `GOVERN 1.1`, `Art. 9`. */
    ref: z.string().min(1),
    title: z.string().min(1).max(120),
    /** Our own words. Never the standard's text. */
    summary: z.string().min(20).max(600),
    kind: z.enum(requirementKinds),
    parent: requirementIdSchema.nullable(),
    tags: z.array(z.enum(tags)),
    /** Selectable part of the framework this requirement belongs to (SOC 2 trust services categories). */
    scope: z.string().optional(),
    /** EU AI Act: who carries the obligation, and which application-date groups decide when it bites. */
    dutyHolders: z.array(z.enum(dutyHolders)).optional(),
    appliesFrom: z.array(z.string()).optional(),
  })
  .strict()
  .refine((r) => r.id.startsWith(`${r.framework}:`), { message: 'id must be prefixed with its framework' });

export const frameworkScopeSchema = z
  .object({ id: z.string().min(1), title: z.string().min(1), alwaysInScope: z.boolean() })
  .strict();

/**
 * A dated rule of the form "X applies from D because of L". Amendments never overwrite an entry: they add a
 * new one that `supersedes` the old, so the history and its legal basis stay answerable.
 */
export const applicationDateSchema = z
  .object({
    id: z.string().min(1),
    group: z.string().min(1),
    date: isoDate,
    legalBasis: z.string().min(1),
    status: z.enum(['in_force', 'adopted_pending_oj', 'superseded']),
    supersedes: z.string().nullable(),
    supersededBy: z.string().nullable(),
    note: z.string().optional(),
  })
  .strict();

export const editionSchema = z
  .object({
    /** `2022`, `2023`, `1.0`, `2017-rev-2022`, `2024/1689`. */
    id: z.string().min(1),
    label: z.string().min(1),
    published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    status: z.enum(['current', 'withdrawn']),
    /** Set when an earlier edition is in the catalog, e.g. a future `iso27001-2013` entry. */
    supersedes: frameworkIdSchema.nullable(),
  })
  .strict();

export const frameworkSchema = z
  .object({
    id: frameworkIdSchema,
    /** Stable across editions (`iso27001` for 2013 and 2022); `id` names one edition's catalog. */
    family: z.string().min(1),
    name: z.string().min(1),
    shortName: z.string().min(1),
    publisher: z.string().min(1),
    edition: editionSchema,
    kind: z.enum(['management-system-standard', 'attestation-criteria', 'voluntary-framework', 'regulation']),
    certifiable: z.boolean(),
    scopes: z.array(frameworkScopeSchema),
    applicationDates: z.array(applicationDateSchema),
    requirements: z.array(requirementSchema).min(1),
  })
  .strict();

export const sourceSchema = z.string().regex(/^(published:[a-z0-9.-]+|derived:[a-z0-9.-]+|analysis)$/);

export const crosswalkRowSchema = z
  .object({
    from: requirementIdSchema.nullable(),
    to: requirementIdSchema.nullable(),
    relation: z.enum(relations),
    rationale: z.string().min(10),
    source: sourceSchema,
  })
  .strict()
  .refine((r) => (r.from !== null && r.to !== null) || (r.relation === 'not_related' && (r.from ?? r.to)), {
    message: 'a one-sided row must be not_related and name one requirement',
  });

export const crosswalkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    from: frameworkIdSchema,
    to: frameworkIdSchema,
    title: z.string().min(1),
    description: z.string().min(1),
    rows: z.array(crosswalkRowSchema).min(1),
  })
  .strict();

export type Requirement = z.infer<typeof requirementSchema>;
export type FrameworkScope = z.infer<typeof frameworkScopeSchema>;
export type ApplicationDate = z.infer<typeof applicationDateSchema>;
export type Edition = z.infer<typeof editionSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
export type CrosswalkSource = z.infer<typeof sourceSchema>;
export type CrosswalkRow = z.infer<typeof crosswalkRowSchema>;
export type Crosswalk = z.infer<typeof crosswalkSchema>;
