import {
  type ChangeIsoSettingsInput,
  changeIsoSettingsInputSchema,
  type CostPlan,
  type IsoAuditKind,
  isoPlannedAudit,
  isoProgramSettingsSchema,
  type JsonValue,
  planIsoCycle,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject, violates } from '../shared/rejected-action.js';
import type { IsoContext } from './iso-context.js';

/**
 * Audit time and cost: the program's settings (persons in scope, AI roles, quoted days, the certification body's
 * terms), the planned figures of the cycle, and changes to the settings, which move only audits not yet held.
 */

/** Stages before the first certificate of a cycle: its audits include Stage 1 and Stage 2. */
const initialStages = new Set([
  'GAP_ASSESSMENT',
  'REMEDIATION',
  'STAGE1',
  'STAGE2',
  'CERTIFICATION_DECISION',
]);

/** Before the first certificate of a cycle every standard is audited; afterwards those on the certificate. */
function planScope(c: IsoContext) {
  const certified = c.certifiedFrameworks;
  return {
    frameworks: initialStages.has(c.state.stage) || certified.length === 0 ? c.state.frameworks : certified,
    settings: c.settings,
    extension: c.state.extension?.framework,
  };
}

/** Days and cost of one certification-body audit under today's settings, to freeze when it is held. */
export function plannedFigures(
  c: IsoContext,
  audit: IsoAuditKind,
): { days: number | null; cost: number | null } | null {
  const plan = isoPlannedAudit(audit, planScope(c));
  return plan ? { days: plan.days, cost: plan.cost } : null;
}

/** The cycle's audits (held ones with their frozen figures), fees and totals. */
export function cyclePlan(c: IsoContext): CostPlan {
  const { audits, stage } = c.state;
  const held: Partial<Record<IsoAuditKind, { days: number | null; cost: number | null }>> = {};
  for (const [kind, audit] of Object.entries(audits) as [IsoAuditKind, (typeof audits)[IsoAuditKind]][]) {
    if (audit?.lastDay && audit.planned) held[kind] = audit.planned;
  }
  return planIsoCycle({
    ...planScope(c),
    certificateValidityYears: c.policy.certificateValidityYears,
    // Stage 2 is held only after Stage 1 of the same cycle: Stage 1 on record means the cycle began with both.
    initial: initialStages.has(stage) || audits.stage1 !== undefined,
    held,
  });
}

export function checkChangeSettings(c: IsoContext, raw: ChangeIsoSettingsInput) {
  const input = parseOrReject(changeIsoSettingsInputSchema, raw);
  if (c.state.stage === 'ENDED') reject('The program has ended.', conflict('program-ended'));
  const next = mergedSettings(c, input.settings);
  if (next.integrationReductionPercent > 0 && !next.integrationReason) {
    reject(
      'Give the reason for the integration reduction (integrationReason): IAF MD 11 asks how the systems are integrated.',
      violates('integration-reason-required', 'settings.integrationReason'),
    );
  }
  if (JSON.stringify(next) === JSON.stringify(c.settings))
    reject('These settings are already in place.', conflict('no-change'));
  return { ...input, next };
}

export function applyChangeSettings(c: IsoContext, raw: ChangeIsoSettingsInput): void {
  const { actor, reason, settings, next } = checkChangeSettings(c, raw);
  const from = c.settings;
  c.state.settings = next;
  const changed = Object.keys(settings) as (keyof typeof settings)[];
  c.effects.audit('settings.changed', actor, {
    reason,
    changed,
    from: JSON.parse(
      JSON.stringify(Object.fromEntries(changed.map((k) => [k, from[k] ?? null]))),
    ) as JsonValue,
    to: JSON.parse(JSON.stringify(Object.fromEntries(changed.map((k) => [k, next[k] ?? null])))) as JsonValue,
  });
}

function mergedSettings(c: IsoContext, change: ReturnType<typeof checkChangeSettings>['settings']) {
  const next: Record<string, unknown> = { ...c.settings };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return isoProgramSettingsSchema.parse(next);
}
