import {
  auditCost,
  type ChangeSoc2SettingsInput,
  changeSoc2SettingsInputSchema,
  type CostPlan,
  type JsonValue,
  planSoc2Period,
  soc2OverrideInputSchema,
  type Soc2OverrideInput,
  soc2ProgramSettingsSchema,
} from '@certflow/contracts';
import { parseOrReject } from '../shared/program-messages.js';
import { conflict, reject } from '../shared/rejected-action.js';
import type { Soc2Context } from './soc2-context.js';

/**
 * The CPA firm's terms and quoted days (program settings that can change, moving only work not yet done), the
 * planned cost of the attested period, and the firm's justified deviations (overrides).
 */

/** Fieldwork days and cost under today's settings, frozen when fieldwork is done. */
export function plannedFieldwork(c: Soc2Context): { days: number | null; cost: number | null } {
  const { fieldworkDays, terms } = c.settings;
  return {
    days: fieldworkDays ?? null,
    cost: fieldworkDays !== undefined && terms ? auditCost(fieldworkDays, terms) : null,
  };
}

export function periodPlan(c: Soc2Context): CostPlan | undefined {
  const p = c.state.period;
  if (!p) return undefined;
  const { typeI } = c.state;
  return planSoc2Period({
    settings: c.settings,
    periodNumber: p.number,
    periodMonths: p.months,
    first: p.number === 1 && c.state.origin !== 'current-period' && c.state.reports.length === 0,
    typeIPending: typeI !== undefined && typeI.report === undefined,
    held: p.planned,
  });
}

export function checkChangeSettings(c: Soc2Context, raw: ChangeSoc2SettingsInput) {
  const input = parseOrReject(changeSoc2SettingsInputSchema, raw);
  if (c.state.stage === 'ENDED') reject('The program has ended.', conflict('program-ended'));
  const merged: Record<string, unknown> = { ...c.settings };
  for (const [key, value] of Object.entries(input.settings)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const next = soc2ProgramSettingsSchema.parse(merged);
  if (JSON.stringify(next) === JSON.stringify(c.settings))
    reject('These settings are already in place.', conflict('no-change'));
  return { ...input, next };
}

export function applyChangeSettings(c: Soc2Context, raw: ChangeSoc2SettingsInput): void {
  const { actor, reason, settings, next } = checkChangeSettings(c, raw);
  const from = c.settings;
  c.state.settings = next;
  const changed = Object.keys(settings) as (keyof typeof next)[];
  const pick = (s: typeof next) =>
    JSON.parse(JSON.stringify(Object.fromEntries(changed.map((k) => [k, s[k] ?? null])))) as JsonValue;
  c.effects.audit('settings.changed', actor, { reason, changed, from: pick(from), to: pick(next) });
}

export function checkOverrideRule(c: Soc2Context, raw: Soc2OverrideInput) {
  const input = parseOrReject(soc2OverrideInputSchema, raw);
  const { stage, period } = c.state;
  let periodNumber: number;
  if (input.rule === 'fieldwork-window') {
    if (!period || (stage !== 'OBSERVATION' && stage !== 'FIELDWORK')) {
      reject(
        'The fieldwork window can only be overridden while an observation period awaits its fieldwork.',
        conflict('action-not-in-stage'),
      );
    }
    periodNumber = period.number;
  } else {
    const last = c.lastTypeII();
    if (!last)
      reject(
        'The bridge-letter length can only be overridden once a Type II report has been issued.',
        conflict('action-not-in-stage'),
      );
    periodNumber = last.periodNumber;
  }
  if (c.hasOverride(input.rule, periodNumber)) {
    reject(
      `An override for ${input.rule} is already recorded for period ${periodNumber}.`,
      conflict('already-recorded'),
    );
  }
  return { ...input, periodNumber };
}

export function applyOverrideRule(c: Soc2Context, raw: Soc2OverrideInput): void {
  const input = checkOverrideRule(c, raw);
  c.state.overrides.push({
    rule: input.rule,
    periodNumber: input.periodNumber,
    justification: input.justification,
    actor: input.actor,
    on: c.today,
  });
  c.effects.audit('override.recorded', input.actor, {
    rule: input.rule,
    period: input.periodNumber,
    justification: input.justification,
  });
}
