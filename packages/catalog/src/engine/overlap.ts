import { getRequirement, requirementsOf } from '../catalog.js';
import { frameworkIds, type FrameworkId, type RequirementId, type RequirementKind } from '../ids.js';
import { computeCoverage, type CoverageOptions, type CoverageSummary, type StatusMap } from './coverage.js';

export interface OverlapEntry extends CoverageSummary {
  from: FrameworkId;
  to: FrameworkId;
  routes: readonly (readonly FrameworkId[])[];
}

/** One kind of target requirement (clauses, Annex A controls, criteria, ...) in an overlap. */
export interface OverlapPart {
  kind: RequirementKind;
  total: number;
  /** Carried over fully (equal/superset chains): nothing left to do. */
  satisfied: readonly RequirementId[];
  /** Carried over partly (subset/intersect chains): reuse, then widen; needs review. */
  partial: readonly RequirementId[];
  open: number;
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

/**
 * `overlap` split by the kind of target requirement, naming what is carried over fully and what only partly:
 * management-system clauses and Annex A controls are different work, and "partly" still means work.
 */
export function overlapByKind(
  from: FrameworkId,
  to: FrameworkId,
  options: CoverageOptions = {},
): readonly OverlapPart[] {
  const result = computeCoverage(from, allImplemented(from), to, options);
  const parts = new Map<
    RequirementKind,
    { total: number; satisfied: RequirementId[]; partial: RequirementId[] }
  >();
  for (const r of result.requirements) {
    const kind = getRequirement(r.requirement)!.kind;
    const part = parts.get(kind) ?? { total: 0, satisfied: [], partial: [] };
    part.total++;
    if (r.state === 'satisfied') part.satisfied.push(r.requirement);
    if (r.state === 'partial') part.partial.push(r.requirement);
    parts.set(kind, part);
  }
  return [...parts].map(([kind, p]) => ({
    kind,
    total: p.total,
    satisfied: p.satisfied,
    partial: p.partial,
    open: p.total - p.satisfied.length - p.partial.length,
  }));
}

/** `overlap` for every ordered pair of distinct frameworks (20 entries for 5 frameworks). */
export function overlapMatrix(options: CoverageOptions = {}): readonly OverlapEntry[] {
  return frameworkIds.flatMap((from) =>
    frameworkIds.filter((to) => to !== from).map((to) => overlap(from, to, options)),
  );
}
