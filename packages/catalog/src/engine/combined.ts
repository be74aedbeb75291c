import { isAssessable, requirementsOf } from '../catalog.js';
import { frameworkIds, frameworkOf, type FrameworkId, type RequirementId } from '../ids.js';
import {
  computeCoverage,
  summarize,
  type Chain,
  type CoverageOptions,
  type CoverageState,
  type CoverageSummary,
  type RequirementCoverage,
  type StatusMap,
} from './coverage.js';

/** One framework whose statuses fed a combined coverage, and the framework paths its chains took. */
export interface CoverageSource {
  from: FrameworkId;
  routes: readonly (readonly FrameworkId[])[];
}

export interface CombinedCoverageResult {
  to: FrameworkId;
  /** Frameworks that had at least one status, in catalog order; `routes` is `[]` where none reaches `to`. */
  sources: readonly CoverageSource[];
  /** Every assessable requirement of `to` (within `targetScopes`), in catalog order. */
  requirements: readonly RequirementCoverage[];
  summary: CoverageSummary;
}

const rank: Record<CoverageState, number> = { open: 0, partial: 1, satisfied: 2 };

/** Strongest first; among equals the shorter chain (fewer crosswalk rows to trust), then the source id. */
function byStrength(a: Chain, b: Chain): number {
  return (
    rank[b.yields] - rank[a.yields] ||
    a.hops.length - b.hops.length ||
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
  );
}

/**
 * Coverage of `to` from the statuses an organisation recorded for any other frameworks at once (one map keyed by
 * framework-qualified ids, e.g. ISO/IEC 27001 and SOC 2 together). Each source framework is run through
 * `computeCoverage` and the answers are merged per target requirement: the best state wins and every chain that
 * contributes is kept, strongest first, so a reader sees each reason. Statuses recorded for `to` itself are
 * ignored: they are the organisation's own answer, not evidence carried over.
 */
export function computeCombinedCoverage(
  statuses: StatusMap,
  to: FrameworkId,
  options: CoverageOptions = {},
): CombinedCoverageResult {
  const bySource = new Map<FrameworkId, Partial<Record<RequirementId, StatusMap[RequirementId]>>>();
  for (const [id, status] of Object.entries(statuses) as [RequirementId, StatusMap[RequirementId]][]) {
    if (!isAssessable(id)) throw new Error(`${id} is not an assessable requirement`);
    const from = frameworkOf(id);
    if (from === to || status === undefined) continue;
    bySource.set(from, { ...bySource.get(from), [id]: status });
  }

  const sources: CoverageSource[] = [];
  const merged = new Map<RequirementId, { chains: Chain[]; candidates: Chain[] }>();
  for (const from of frameworkIds.filter((f) => bySource.has(f))) {
    const result = computeCoverage(from, bySource.get(from) ?? {}, to, options);
    sources.push({ from, routes: result.routes });
    for (const r of result.requirements) {
      const entry = merged.get(r.requirement) ?? { chains: [], candidates: [] };
      entry.chains.push(...r.chains);
      entry.candidates.push(...r.candidates);
      merged.set(r.requirement, entry);
    }
  }
  const targets = requirementsOf(to, {
    assessableOnly: true,
    ...(options.targetScopes && { scopes: options.targetScopes }),
  });
  const requirements = targets.map(({ id: requirement }): RequirementCoverage => {
    const entry = merged.get(requirement) ?? { chains: [], candidates: [] };
    const chains = entry.chains.sort(byStrength);
    const state = chains[0]?.yields ?? 'open';
    return {
      requirement,
      state,
      needsReview: state === 'partial',
      chains,
      candidates: entry.candidates.sort(byStrength),
    };
  });
  return { to, sources, requirements, summary: summarize(requirements) };
}
