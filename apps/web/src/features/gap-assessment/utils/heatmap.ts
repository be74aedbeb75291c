import {
  type FrameworkId,
  getFramework,
  type RequirementGroup,
  requirementGroup,
  requirementGroupsOf,
  type RequirementKind,
} from '@certflow/catalog';
import type { PrefillBasis } from '@certflow/contracts/implementation';

/** What a heatmap row counts for one area (clause, Annex A theme/objective, SOC 2 series or category). */
export interface HeatmapRow {
  group: RequirementGroup;
  total: number;
  byBasis: Record<PrefillBasis, number>;
  answered: number;
  gaps: number;
}

export interface HeatmapSection {
  section: RequirementKind;
  title: string;
  rows: HeatmapRow[];
}

const sectionTitles: Partial<Record<RequirementKind, string>> = {
  clause: 'Clauses 4–10',
  'annex-control': 'Annex A',
  criterion: 'Trust services criteria',
  subcategory: 'Functions',
  article: 'Articles',
};

interface CountedItem {
  requirementId: string;
  suggestion: { basis: PrefillBasis };
  answer: { status: string } | null;
}

/**
 * Counts per area, in catalog order, grouped the way the catalog groups the framework (derived from its parents
 * and scopes). Areas with no item in the assessment (a SOC 2 category not chosen) are left out.
 */
export function heatmap(
  framework: FrameworkId,
  items: readonly CountedItem[],
  soc2Categories: readonly string[] = [],
): HeatmapSection[] {
  const rows = new Map<string, HeatmapRow>();
  const scopes = getFramework(framework).scopes.length > 0 ? { scopes: soc2Categories } : {};
  for (const group of requirementGroupsOf(framework, scopes)) {
    rows.set(group.id, {
      group,
      total: 0,
      byBasis: { recorded: 0, 'carried-over': 0, partly: 0, open: 0 },
      answered: 0,
      gaps: 0,
    });
  }
  for (const item of items) {
    const row = rows.get(requirementGroup(item.requirementId as `${FrameworkId}:${string}`).id);
    if (!row) continue;
    row.total++;
    row.byBasis[item.suggestion.basis]++;
    if (item.answer) row.answered++;
    if (item.answer && (item.answer.status === 'partial' || item.answer.status === 'not_implemented'))
      row.gaps++;
  }
  const sections = new Map<RequirementKind, HeatmapSection>();
  for (const row of rows.values()) {
    if (row.total === 0) continue;
    const section = sections.get(row.group.section) ?? {
      section: row.group.section,
      title: sectionTitles[row.group.section] ?? row.group.section,
      rows: [],
    };
    section.rows.push(row);
    sections.set(row.group.section, section);
  }
  return [...sections.values()];
}

/** 0–4: how much of a row a count is, for the cell's pattern density (the number is always shown as text). */
export function intensity(count: number, total: number): 0 | 1 | 2 | 3 | 4 {
  if (count === 0 || total === 0) return 0;
  return Math.min(4, Math.ceil((count / total) * 4)) as 1 | 2 | 3 | 4;
}
