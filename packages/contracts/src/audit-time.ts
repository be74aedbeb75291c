import { z } from 'zod';

/**
 * Audit time (auditor-days) for ISO management-system certification, as data plus pure functions so the worker,
 * the API and the web app quote the same figures (domain-facts §8.2, §8.3; docs/adr/0012-audit-time-and-cost.md).
 *
 * Arithmetic is exact: days are counted in quarter days, percentages are whole numbers, and every derived figure
 * is rounded **up** to the next half day, because ISO/IEC 17021-1 §9.1.4 asks for enough time, never less.
 */

export interface AuditTimeRow {
  minPersons: number;
  /** null: open-ended. */
  maxPersons: number | null;
  /** Initial audit (Stage 1 + Stage 2) in auditor-days; null where the figure is not known to us. */
  days: number | null;
  /** false: taken from a secondary transcription not checked against the standard. */
  verified: boolean;
}

const row = (minPersons: number, maxPersons: number | null, days: number | null, verified = true) => ({
  minPersons,
  maxPersons,
  days,
  verified,
});

/** ISO/IEC 27006-1:2024 Table C.1: persons doing work under the organisation's control → initial audit days. */
export const iso27001AuditTimeTable: readonly AuditTimeRow[] = [
  row(1, 10, 5),
  row(11, 15, 6),
  row(16, 25, 7),
  row(26, 45, 8.5),
  row(46, 65, 10),
  row(66, 85, 11),
  row(86, 125, 12),
  row(126, 175, 13),
  row(176, 275, 14),
  row(276, 425, 15),
  row(426, 625, 16.5),
  row(626, 875, 17.5),
  row(876, 1175, 18.5),
  row(1176, 1550, 19.5),
  row(1551, 2025, 21),
  row(2026, 2675, 22),
  row(2676, 3450, 23, false),
  row(3451, 4350, 24, false),
  row(4351, 5450, 25, false),
  row(5451, 6800, 26, false),
  row(6801, 8500, 27, false),
  row(8501, 10700, 28, false),
  // "Follow the progression": no figure we could check; the certification body's quote is needed.
  row(10701, null, null, false),
];

/** Roles an organisation plays for AI systems (ISO/IEC 22989 vocabulary, as ISO/IEC 42006 uses them). */
export const aiRoles = ['producer', 'developer', 'provider', 'user'] as const;
export type AiRole = (typeof aiRoles)[number];

/** ISO/IEC 42006 groups roles for audit time: an AI producer, any other single role, or several roles. */
export const aiRoleGroups = ['producer', 'developer-provider-user', 'multiple-roles'] as const;
export type AiRoleGroup = (typeof aiRoleGroups)[number];

export interface AimsAuditTimeRow extends Omit<AuditTimeRow, 'days'> {
  days: Readonly<Record<AiRoleGroup, number>> | null;
}

/**
 * ISO/IEC 42006:2025 audit time by AI-related persons and AI role. Only the smallest row is public to us
 * (domain-facts §8.2); every other band is unknown until the table is transcribed, so those programs need the
 * days their certification body quoted.
 */
export const iso42001AuditTimeTable: readonly AimsAuditTimeRow[] = [
  {
    minPersons: 1,
    maxPersons: 10,
    days: { producer: 5, 'developer-provider-user': 3.5, 'multiple-roles': 6.5 },
    verified: false,
  },
  { minPersons: 11, maxPersons: null, days: null, verified: false },
];

export function aiRoleGroup(roles: readonly AiRole[]): AiRoleGroup {
  const distinct = new Set(roles);
  if (distinct.size > 1) return 'multiple-roles';
  return distinct.has('producer') ? 'producer' : 'developer-provider-user';
}

export type TableLookup =
  | { known: true; days: number; row: { minPersons: number; maxPersons: number | null }; verified: boolean }
  | { known: false; reason: string };

function findRow<R extends { minPersons: number; maxPersons: number | null }>(
  table: readonly R[],
  persons: number,
): R | undefined {
  return table.find((r) => persons >= r.minPersons && (r.maxPersons === null || persons <= r.maxPersons));
}

function band(r: { minPersons: number; maxPersons: number | null }): string {
  return r.maxPersons === null ? `${r.minPersons} or more` : `${r.minPersons}–${r.maxPersons}`;
}

function checkPersons(persons: number): void {
  if (!Number.isInteger(persons) || persons < 1) {
    throw new RangeError(`persons must be a whole number of at least 1 (got ${persons})`);
  }
}

/** Initial ISMS audit days (Stage 1 + Stage 2) for `persons` in scope, before any complexity adjustment. */
export function iso27001TableDays(persons: number): TableLookup {
  checkPersons(persons);
  const r = findRow(iso27001AuditTimeTable, persons)!;
  if (r.days === null) {
    return {
      known: false,
      reason: `ISO/IEC 27006-1 Table C.1 gives no figure we hold for ${band(r)} persons; enter the days the certification body quoted.`,
    };
  }
  return {
    known: true,
    days: r.days,
    row: { minPersons: r.minPersons, maxPersons: r.maxPersons },
    verified: r.verified,
  };
}

/** Initial AIMS audit days for `aiPersons` AI-related persons and the organisation's AI roles. */
export function iso42001TableDays(aiPersons: number, roles: readonly AiRole[]): TableLookup {
  checkPersons(aiPersons);
  if (roles.length === 0) throw new RangeError('at least one AI role is needed');
  const r = findRow(iso42001AuditTimeTable, aiPersons)!;
  if (r.days === null) {
    return {
      known: false,
      reason: `The ISO/IEC 42006 audit-time figure for ${band(r)} AI-related persons is not in our table; enter the days the certification body quoted.`,
    };
  }
  return {
    known: true,
    days: r.days[aiRoleGroup(roles)],
    row: { minPersons: r.minPersons, maxPersons: r.maxPersons },
    verified: r.verified,
  };
}

// ---- derived figures ------------------------------------------------------------------------------------

/** Days are kept in quarter days so sums and percentages stay exact. */
const toQuarters = (days: number): number => Math.round(days * 4);
const toDays = (quarters: number): number => quarters / 4;
/** Rounds a quarter-day count up to the next half day. */
const ceilHalfDay = (quarters: number): number => Math.ceil(quarters / 2) * 2;
/** quarters × numerator / denominator, rounded up to the next half day, without floating-point error. */
const scaleUp = (quarters: number, numerator: number, denominator: number): number =>
  ceilHalfDay(Math.ceil((quarters * numerator) / denominator));

/** Business × IT complexity adjustment of ISO/IEC 27006-1 Annex C: −30 % (low/low) to +100 % (high/high). */
export const complexityAdjustmentSchema = z.object({
  percent: z.number().int().min(-30).max(100),
  reason: z.string().trim().min(3).max(500),
});
export type ComplexityAdjustment = z.output<typeof complexityAdjustmentSchema>;

export const auditDaysSchema = z
  .number()
  .positive()
  .max(500)
  .refine((d) => Number.isInteger(d * 4), { message: 'days are given in quarter days (e.g. 2.25)' });

/** Days a certification body quoted; each figure given wins over the computed one. */
export const quotedAuditDaysSchema = z.object({
  initial: auditDaysSchema.optional(),
  surveillance: auditDaysSchema.optional(),
  recertification: auditDaysSchema.optional(),
});
export type QuotedAuditDays = z.output<typeof quotedAuditDaysSchema>;

export interface AuditDays {
  /** Stage 1 + Stage 2. */
  initial: number;
  stage1: number;
  stage2: number;
  /** Each surveillance audit (IAF MD 5: about a third of the initial time). */
  surveillance: number;
  /** IAF MD 5: about two thirds of the initial time. */
  recertification: number;
}

export type AuditTimeEstimate =
  | ({ known: true; basis: 'table' | 'quote'; tableDays: number | null; notes: string[] } & AuditDays)
  | { known: false; reason: string };

/**
 * Applies the complexity adjustment, splits Stage 1 / Stage 2 (`stage1SharePercent`, commonly 30) and derives
 * surveillance (1/3) and recertification (2/3) from the initial time. Quoted figures replace computed ones.
 */
export function auditDaysFrom(
  lookup: TableLookup,
  options: {
    adjustment?: ComplexityAdjustment | undefined;
    quoted?: QuotedAuditDays | undefined;
    stage1SharePercent?: number | undefined;
  } = {},
): AuditTimeEstimate {
  const { adjustment, quoted = {}, stage1SharePercent = 30 } = options;
  const notes: string[] = [];
  let initialQ: number;
  let basis: 'table' | 'quote';
  if (quoted.initial !== undefined) {
    initialQ = toQuarters(quoted.initial);
    basis = 'quote';
    notes.push('initial time as quoted by the certification body');
  } else if (lookup.known) {
    initialQ = scaleUp(toQuarters(lookup.days), 100 + (adjustment?.percent ?? 0), 100);
    basis = 'table';
    if (!lookup.verified) notes.push(`table row ${band(lookup.row)} not checked against the standard's text`);
    if (adjustment && adjustment.percent !== 0) {
      notes.push(
        `complexity ${adjustment.percent > 0 ? '+' : ''}${adjustment.percent}%: ${adjustment.reason}`,
      );
    }
  } else {
    return { known: false, reason: lookup.reason };
  }
  const stage1Q = Math.min(scaleUp(initialQ, stage1SharePercent, 100), initialQ);
  const surveillanceQ =
    quoted.surveillance !== undefined ? toQuarters(quoted.surveillance) : scaleUp(initialQ, 1, 3);
  const recertQ =
    quoted.recertification !== undefined ? toQuarters(quoted.recertification) : scaleUp(initialQ, 2, 3);
  return {
    known: true,
    basis,
    tableDays: lookup.known ? lookup.days : null,
    notes,
    initial: toDays(initialQ),
    stage1: toDays(stage1Q),
    stage2: toDays(initialQ - stage1Q),
    surveillance: toDays(surveillanceQ),
    recertification: toDays(recertQ),
  };
}

/** IAF MD 11: an integrated system may cut the summed time of a combined audit by at most this much. */
export const MAX_INTEGRATION_REDUCTION_PERCENT = 20;

export interface CombinedAuditDays {
  /** T = A + B, each computed by its own standard's rules. */
  summedDays: number;
  requestedReductionPercent: number;
  appliedReductionPercent: number;
  /** True when the stated integration asked for more than the 20 % IAF MD 11 allows. */
  capped: boolean;
  days: number;
}

/** Combined audit of several standards (IAF MD 11): the sum of the separate times, reduced by at most 20 %. */
export function combinedAuditDays(
  separateDays: readonly number[],
  integrationReductionPercent: number,
): CombinedAuditDays {
  if (!Number.isInteger(integrationReductionPercent) || integrationReductionPercent < 0) {
    throw new RangeError('the integration reduction is a whole, non-negative percentage');
  }
  const applied = Math.min(integrationReductionPercent, MAX_INTEGRATION_REDUCTION_PERCENT);
  const sumQ = separateDays.reduce((sum, d) => sum + toQuarters(d), 0);
  const days = separateDays.length < 2 ? sumQ : scaleUp(sumQ, 100 - applied, 100);
  return {
    summedDays: toDays(sumQ),
    requestedReductionPercent: integrationReductionPercent,
    appliedReductionPercent: separateDays.length < 2 ? 0 : applied,
    capped: separateDays.length >= 2 && integrationReductionPercent > MAX_INTEGRATION_REDUCTION_PERCENT,
    days: toDays(days),
  };
}
