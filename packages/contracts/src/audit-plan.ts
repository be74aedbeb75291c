import {
  auditCost,
  type AuditorTerms,
  cycleFees,
  fromCents,
  type CostPlan,
  type PlannedAudit,
  type PlannedFee,
  toCents,
  totalPlan,
} from './audit-cost.js';
import {
  auditDaysFrom,
  type AuditTimeEstimate,
  combinedAuditDays,
  iso27001TableDays,
  iso42001TableDays,
  type TableLookup,
} from './audit-time.js';
import type { IsoAuditKind, IsoFrameworkId, IsoProgramSettings } from './iso-model.js';
import type { Soc2ProgramSettings } from './soc2-model.js';

/**
 * Planned audit days and cost of a program's cycle (ISO) or period (SOC 2), from its settings. The workflow puts
 * the result in every snapshot; the API and the web app can run the same functions on a draft of the settings.
 */

/** Audit time of one standard under the program's settings; a quote from the CB wins over the table. */
export function isoStandardAuditDays(
  framework: IsoFrameworkId,
  settings: IsoProgramSettings,
): AuditTimeEstimate {
  const options = { quoted: settings.quotedDays[framework], stage1SharePercent: settings.stage1SharePercent };
  let lookup: TableLookup;
  if (framework === 'iso27001') {
    lookup =
      settings.personsInScope === undefined
        ? {
            known: false,
            reason: 'Set the persons in scope (or the days the certification body quoted) for ISO/IEC 27001.',
          }
        : iso27001TableDays(settings.personsInScope);
    return auditDaysFrom(lookup, { ...options, adjustment: settings.complexityAdjustment });
  }
  lookup =
    settings.aiPersonsInScope === undefined || settings.aiRoles === undefined
      ? {
          known: false,
          reason:
            'Set the AI-related persons and the AI roles (or the days the certification body quoted) for ISO/IEC 42001.',
        }
      : iso42001TableDays(settings.aiPersonsInScope, settings.aiRoles);
  return auditDaysFrom(lookup, options);
}

export type IsoAuditTimeKind = 'stage1' | 'stage2' | 'surveillance' | 'recertification';

/**
 * Days of one audit of `frameworks`: each standard's own time, summed and reduced for integration (IAF MD 11,
 * at most 20 %) when several are audited together.
 */
export function isoAuditDays(
  frameworks: readonly IsoFrameworkId[],
  settings: IsoProgramSettings,
  kind: IsoAuditTimeKind,
): { days: number | null; notes: string[] } {
  const estimates = frameworks.map((f) => isoStandardAuditDays(f, settings));
  const unknown = estimates.flatMap((e) => (e.known ? [] : [e.reason]));
  if (unknown.length > 0) return { days: null, notes: unknown };
  const known = estimates.flatMap((e) => (e.known ? [e] : []));
  const notes = known.flatMap((e) => e.notes);
  const combined = combinedAuditDays(
    known.map((e) => e[kind]),
    settings.integrationReductionPercent,
  );
  if (frameworks.length > 1) {
    notes.push(
      `combined audit: ${combined.summedDays} days less ${combined.appliedReductionPercent}% for integration` +
        (combined.capped
          ? ` (${combined.requestedReductionPercent}% asked; IAF MD 11 allows at most 20%)`
          : ''),
    );
  }
  return { days: combined.days, notes };
}

const timeKindOf: Partial<Record<IsoAuditKind, IsoAuditTimeKind>> = {
  stage1: 'stage1',
  stage2: 'stage2',
  surveillance1: 'surveillance',
  surveillance2: 'surveillance',
  recertification: 'recertification',
  'extension-stage1': 'stage1',
  'extension-stage2': 'stage2',
};

export interface IsoCyclePlanInput {
  /** Standards on the certificate (all of the program's before the first certification). */
  frameworks: readonly IsoFrameworkId[];
  settings: IsoProgramSettings;
  certificateValidityYears: number;
  /** The cycle begins with an initial audit (Stage 1 and Stage 2) rather than a recertification. */
  initial: boolean;
  /** A standard being added with its own Stage 1 and Stage 2. */
  extension?: IsoFrameworkId | undefined;
  /** Figures frozen when audits were held; they are reported as they were. */
  held: Partial<Record<IsoAuditKind, { days: number | null; cost: number | null }>>;
}

function planned(audit: IsoAuditKind, days: number | null, terms: AuditorTerms | undefined, notes: string[]) {
  return { audit, days, cost: days !== null && terms ? auditCost(days, terms) : null, held: false, notes };
}

/** Figures of one audit not yet held, for freezing when it is. */
export function isoPlannedAudit(
  audit: IsoAuditKind,
  input: Omit<IsoCyclePlanInput, 'held' | 'initial' | 'certificateValidityYears'>,
): PlannedAudit | null {
  const timeKind = timeKindOf[audit];
  if (!timeKind) return null;
  const scope = audit.startsWith('extension-')
    ? input.extension
      ? [input.extension]
      : []
    : input.frameworks;
  if (scope.length === 0) return null;
  const { days, notes } = isoAuditDays(scope, input.settings, timeKind);
  return planned(audit, days, input.settings.terms, notes);
}

/** The certification body's audits of the cycle with their days and cost, plus its fees. */
export function planIsoCycle(input: IsoCyclePlanInput): CostPlan {
  const kinds: IsoAuditKind[] = [
    ...(input.initial ? (['stage1', 'stage2'] as const) : []),
    'surveillance1',
    'surveillance2',
    'recertification',
    // An added standard's audits: planned while it is being added, and kept (held) once it is on the certificate.
    ...(input.extension || input.held['extension-stage1'] || input.held['extension-stage2']
      ? (['extension-stage1', 'extension-stage2'] as const)
      : []),
  ];
  const audits = kinds.flatMap((kind): PlannedAudit[] => {
    const frozen = input.held[kind];
    if (frozen) return [{ audit: kind, days: frozen.days, cost: frozen.cost, held: true, notes: [] }];
    const plan = isoPlannedAudit(kind, input);
    return plan ? [plan] : [];
  });
  const terms = input.settings.terms;
  const fees = terms ? cycleFees(terms, input.certificateValidityYears, input.initial) : [];
  return totalPlan(terms?.currency ?? null, audits, fees);
}

/** Fieldwork and report of one SOC 2 period (and a pending Type I), plus the CPA firm's fees for its months. */
export function planSoc2Period(input: {
  settings: Soc2ProgramSettings;
  periodNumber: number;
  periodMonths: number;
  /** The program's first engagement (charged the initial fee). */
  first: boolean;
  typeIPending: boolean;
  held?: { days: number | null; cost: number | null } | undefined;
}): CostPlan {
  const { settings } = input;
  const terms = settings.terms;
  const audit = (name: string, days: number | undefined, what: string): PlannedAudit => ({
    audit: name,
    days: days ?? null,
    cost: days !== undefined && terms ? auditCost(days, terms) : null,
    held: false,
    notes: days === undefined ? [`Set the ${what} days the CPA firm quoted.`] : [],
  });
  const audits: PlannedAudit[] = [];
  if (input.typeIPending) audits.push(audit('type1', settings.typeIDays, 'Type I examination'));
  audits.push(
    input.held
      ? { audit: `fieldwork-${input.periodNumber}`, ...input.held, held: true, notes: [] }
      : audit(`fieldwork-${input.periodNumber}`, settings.fieldworkDays, 'fieldwork'),
  );
  const fees: PlannedFee[] = [];
  if (terms && input.first && terms.initialFee > 0)
    fees.push({ label: 'initial fee', amount: terms.initialFee });
  if (terms && terms.annualFee > 0) {
    fees.push({
      label: `annual fee × ${input.periodMonths}/12`,
      amount: fromCents(Math.round((toCents(terms.annualFee) * input.periodMonths) / 12)),
    });
  }
  return totalPlan(terms?.currency ?? null, audits, fees);
}
