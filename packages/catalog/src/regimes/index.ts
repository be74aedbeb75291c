import { coloradoAiAct } from './colorado-ai-act.js';
import { regimeSchema, type Regime, type RegimeId } from './schema.js';

export const regimes: Readonly<Record<RegimeId, Regime>> = Object.freeze({
  'colorado-ai-act': regimeSchema.parse(coloradoAiAct),
});

export function getRegime(id: RegimeId): Regime {
  return regimes[id];
}

/** Rules still in force in some version, or retired ones (e.g. the old affirmative defence) for history. */
export function regimeRules(id: RegimeId, status?: 'active' | 'retired') {
  const rules = regimes[id].rules;
  return status === undefined ? rules : rules.filter((r) => r.status === status);
}
