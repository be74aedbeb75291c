import {
  type Chain,
  computeCombinedCoverage,
  type FrameworkId,
  getFramework,
  type ImplementationStatus,
  type RequirementId,
  requirementsOf,
  type StatusMap,
} from '@certflow/catalog';
import type { PrefillBasis } from '@certflow/contracts/implementation';

/**
 * The gap assessment's pre-fill: for every requirement of the program's frameworks, what the organisation
 * already recorded for it, or else what the catalog's coverage engine carries over from the statuses recorded
 * for the other frameworks — with the chains of crosswalk rows that justify it. Pure; computed on every read, so
 * it always reflects today's statuses (and the draft's own answers for the program's other frameworks).
 */

export interface GapScope {
  frameworks: readonly FrameworkId[];
  /** SOC 2 trust services categories besides security; ignored for other frameworks. */
  soc2Categories: readonly string[];
}

export interface HopView {
  crosswalk: string;
  from: string;
  to: string;
  relation: string;
  source: string;
  rationale: string;
}

export interface ChainView {
  source: string;
  sourceStatus: ImplementationStatus;
  strength: 'full' | 'partial';
  yields: 'satisfied' | 'partial' | 'open';
  hops: HopView[];
}

export interface Suggestion {
  basis: PrefillBasis;
  status: ImplementationStatus;
  /** The strongest chains (at most `MAX_CHAINS`), strongest first. */
  chains: ChainView[];
  /** Contributing chains left out of `chains`. */
  moreChains: number;
  /** Requirements of other frameworks that would carry over if implemented (at most `MAX_CHAINS`). */
  candidates: string[];
}

export const MAX_CHAINS = 3;

const statusOfBasis: Record<Exclude<PrefillBasis, 'recorded'>, ImplementationStatus> = {
  'carried-over': 'implemented',
  partly: 'partial',
  open: 'not_implemented',
};
const basisOfState = { satisfied: 'carried-over', partial: 'partly', open: 'open' } as const;

function targetScopes(framework: FrameworkId, scope: GapScope): readonly string[] | undefined {
  return getFramework(framework).scopes.length > 0 ? scope.soc2Categories : undefined;
}

/** Every assessable requirement the assessment covers, framework by framework, in catalog order. */
export function scopeRequirements(scope: GapScope): RequirementId[] {
  return scope.frameworks.flatMap((framework) => {
    const scopes = targetScopes(framework, scope);
    return requirementsOf(framework, { assessableOnly: true, ...(scopes && { scopes }) }).map((r) => r.id);
  });
}

function chainView(chain: Chain): ChainView {
  return {
    source: chain.source,
    sourceStatus: chain.sourceStatus,
    strength: chain.strength,
    yields: chain.yields,
    hops: chain.hops.map((h) => ({
      crosswalk: h.crosswalk,
      from: h.from,
      to: h.to,
      relation: h.relation,
      source: h.source,
      rationale: h.rationale,
    })),
  };
}

/**
 * @param recorded the organisation's statuses, every framework
 * @param answers the draft's answers, which stand in for `recorded` when they differ
 */
export function suggestions(
  scope: GapScope,
  recorded: ReadonlyMap<string, ImplementationStatus>,
  answers: ReadonlyMap<string, ImplementationStatus> = new Map(),
): Map<RequirementId, Suggestion> {
  const evidence: StatusMap = Object.fromEntries([...recorded, ...answers]);
  const result = new Map<RequirementId, Suggestion>();
  for (const framework of scope.frameworks) {
    const scopes = targetScopes(framework, scope);
    const coverage = computeCombinedCoverage(evidence, framework, scopes && { targetScopes: scopes });
    for (const r of coverage.requirements) {
      const own = recorded.get(r.requirement);
      const basis: PrefillBasis = own === undefined ? basisOfState[r.state] : 'recorded';
      result.set(r.requirement, {
        basis,
        status: own ?? statusOfBasis[basisOfState[r.state]],
        chains: r.chains.slice(0, MAX_CHAINS).map(chainView),
        moreChains: Math.max(0, r.chains.length - MAX_CHAINS),
        candidates: [...new Set(r.candidates.map((c) => c.source))].slice(0, MAX_CHAINS),
      });
    }
  }
  return result;
}
