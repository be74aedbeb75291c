import { describe, expect, it } from 'vitest';

import { heatmap, intensity } from './heatmap';

const item = (
  requirementId: string,
  basis: 'recorded' | 'carried-over' | 'partly' | 'open',
  status?: string,
) => ({
  requirementId,
  suggestion: { basis },
  answer: status ? { status } : null,
});

describe('gap-assessment heatmap', () => {
  it('counts ISO/IEC 42001 items by clause and Annex A objective, derived from the catalog', () => {
    const sections = heatmap('iso42001', [
      item('iso42001:9.2.1', 'partly', 'partial'),
      item('iso42001:9.3.1', 'partly'),
      item('iso42001:7.5.3', 'carried-over', 'implemented'),
      item('iso42001:A.6.2.8', 'open', 'not_implemented'),
      item('iso42001:A.6.1.2', 'open'),
    ]);
    expect(sections.map((s) => s.title)).toEqual(['Clauses 4–10', 'Annex A']);
    const clauses = sections[0]!.rows;
    expect(clauses.map((r) => r.group.ref)).toEqual(['7', '9']);
    expect(clauses[1]).toMatchObject({ total: 2, answered: 1, gaps: 1, byBasis: { partly: 2 } });
    expect(sections[1]!.rows.map((r) => [r.group.ref, r.total, r.gaps])).toEqual([['A.6', 2, 1]]);
  });

  it('reads SOC 2 by series and chosen category', () => {
    const sections = heatmap(
      'soc2',
      [item('soc2:CC6.1', 'partly'), item('soc2:A1.2', 'open')],
      ['availability'],
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]!.title).toBe('Trust services criteria');
    expect(sections[0]!.rows.map((r) => r.group.ref)).toEqual(['CC6', 'A']);
  });

  it('grades a count against its row for the pattern', () => {
    expect([intensity(0, 5), intensity(1, 8), intensity(5, 5), intensity(3, 6)]).toEqual([0, 1, 4, 2]);
  });
});
