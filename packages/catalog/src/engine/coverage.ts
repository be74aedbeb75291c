import { isAssessable, requirementsOf } from '../catalog.js';
import { frameworkOf, type FrameworkId, type ImplementationStatus, type RequirementId } from '../ids.js';
import { frameworkRoutes, hopsFrom, type Hop } from './graph.js';

export type CoverageState = 'satisfied' | 'partial' | 'open';
export type StatusMap = Readonly<Partial<Record<RequirementId, ImplementationStatus>>>;

export interface CoverageOptions {
  /** Scopes of the target framework to include (SOC 2 categories); default: all. */
  targetScopes?: readonly string[];
  /** Intermediate frameworks allowed when no direct crosswalk exists. Default 1 (one pivot hop). */
  maxPivots?: number;
}

/** A justification: the source requirement, its status, and the rows that lead to the target. */
export interface Chain {
  source: RequirementId;
  sourceStatus: ImplementationStatus;
  hops: readonly Hop[];
  /** `full` only if every hop is equal or superset (the source covers the target); otherwise `partial`. */
  strength: 'full' | 'partial';
  /** What this chain alone contributes to the target. */
  yields: CoverageState;
}

export interface RequirementCoverage {
  requirement: RequirementId;
  state: CoverageState;
  /** Partial answers always need a human to check the remaining gap. */
  needsReview: boolean;
  /** Chains that contribute, strongest first. */
  chains: readonly Chain[];
  /** Chains whose source is not (yet) implemented: where work on the source side would help. */
  candidates: readonly Chain[];
}

export interface CoverageSummary {
  total: number;
  satisfied: number;
  partial: number;
  open: number;
  /** Percentages of `total`, one decimal. */
  satisfiedPct: number;
  partialPct: number;
  coveredPct: number;
}

export interface CoverageResult {
  from: FrameworkId;
  to: FrameworkId;
  /** Framework paths used; `[]` when no route exists within `maxPivots`. */
  routes: readonly (readonly FrameworkId[])[];
  requirements: readonly RequirementCoverage[];
  summary: CoverageSummary;
}

const rank: Record<CoverageState, number> = { open: 0, partial: 1, satisfied: 2 };

function chainYield(strength: Chain['strength'], status: ImplementationStatus): CoverageState {
  if (status === 'implemented') return strength === 'full' ? 'satisfied' : 'partial';
  if (status === 'partial') return 'partial';
  // Not implemented gives nothing; not applicable was scoped out on the source side, so it is no evidence either.
  return 'open';
}

function pct(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((n / total) * 1000) / 10;
}

function checkStatuses(from: FrameworkId, statuses: StatusMap): void {
  for (const id of Object.keys(statuses) as RequirementId[]) {
    if (frameworkOf(id) !== from || !isAssessable(id)) {
      throw new Error(`${id} is not an assessable requirement of ${from}`);
    }
  }
}

/**
 * Given implementation statuses for framework `from` (missing = not implemented), work out how far each
 * assessable requirement of `to` is met, with the crosswalk rows that justify each answer.
 */
export function computeCoverage(
  from: FrameworkId,
  statuses: StatusMap,
  to: FrameworkId,
  options: CoverageOptions = {},
): CoverageResult {
  if (from === to) throw new Error('coverage needs two different frameworks');
  checkStatuses(from, statuses);
  const routes = frameworkRoutes(from, to, options.maxPivots ?? 1);
  const targets = requirementsOf(to, {
    assessableOnly: true,
    ...(options.targetScopes && { scopes: options.targetScopes }),
  });
  const chainsByTarget = new Map<RequirementId, Chain[]>();

  const walk = (
    source: RequirementId,
    status: ImplementationStatus,
    route: readonly FrameworkId[],
    step: number,
    at: RequirementId,
    hops: Hop[],
  ): void => {
    const nextFramework = route[step];
    if (nextFramework === undefined) {
      const strength = hops.every((h) => h.relation === 'equal' || h.relation === 'superset')
        ? 'full'
        : 'partial';
      const list = chainsByTarget.get(at) ?? [];
      list.push({
        source,
        sourceStatus: status,
        hops: [...hops],
        strength,
        yields: chainYield(strength, status),
      });
      chainsByTarget.set(at, list);
      return;
    }
    // Each hop enters the next framework of a route that visits no framework twice, so a chain can never come
    // back to a requirement it passed (ids carry their framework).
    for (const hop of hopsFrom(at, nextFramework)) {
      hops.push(hop);
      walk(source, status, route, step + 1, hop.to, hops);
      hops.pop();
    }
  };

  for (const source of requirementsOf(from, { assessableOnly: true })) {
    const status = statuses[source.id] ?? 'not_implemented';
    for (const route of routes) walk(source.id, status, route, 1, source.id, []);
  }

  const requirements = targets.map((t): RequirementCoverage => {
    const all = chainsByTarget.get(t.id) ?? [];
    const chains = all.filter((c) => c.yields !== 'open').sort((a, b) => rank[b.yields] - rank[a.yields]);
    const state = chains[0]?.yields ?? 'open';
    return {
      requirement: t.id,
      state,
      needsReview: state === 'partial',
      chains,
      candidates: all.filter((c) => c.yields === 'open'),
    };
  });

  return { from, to, routes, requirements, summary: summarize(requirements) };
}

/** Counts and percentages of a list of per-requirement answers. */
export function summarize(requirements: readonly Pick<RequirementCoverage, 'state'>[]): CoverageSummary {
  const count = (s: CoverageState) => requirements.filter((r) => r.state === s).length;
  const total = requirements.length;
  const satisfied = count('satisfied');
  const partial = count('partial');
  return {
    total,
    satisfied,
    partial,
    open: total - satisfied - partial,
    satisfiedPct: pct(satisfied, total),
    partialPct: pct(partial, total),
    coveredPct: pct(satisfied + partial, total),
  };
}
