import { requirementsOf } from '../catalog.js';
import { frameworkIds, type FrameworkId, type RequirementId } from '../ids.js';
import { computeCoverage, type CoverageOptions, type CoverageSummary, type StatusMap } from './coverage.js';

export interface OverlapEntry extends CoverageSummary {
  from: FrameworkId;
  to: FrameworkId;
  routes: readonly (readonly FrameworkId[])[];
}

function allImplemented(framework: FrameworkId): StatusMap {
  const statuses: Partial<Record<RequirementId, 'implemented'>> = {};
  for (const r of requirementsOf(framework, { assessableOnly: true })) statuses[r.id] = 'implemented';
  return statuses;
}

/** How much of `to` an organisation that fully implements `from` already meets. */
export function overlap(from: FrameworkId, to: FrameworkId, options: CoverageOptions = {}): OverlapEntry {
  const result = computeCoverage(from, allImplemented(from), to, options);
  return { from, to, routes: result.routes, ...result.summary };
}

/** `overlap` for every ordered pair of distinct frameworks (20 entries for 5 frameworks). */
export function overlapMatrix(options: CoverageOptions = {}): readonly OverlapEntry[] {
  return frameworkIds.flatMap((from) =>
    frameworkIds.filter((to) => to !== from).map((to) => overlap(from, to, options)),
  );
}
