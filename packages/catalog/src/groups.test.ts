import { describe, expect, it } from 'vitest';
import { requirementsOf } from './catalog.js';
import { requirementGroup, requirementGroupsOf } from './groups.js';

const refs = (groups: readonly { ref: string }[]) => groups.map((g) => g.ref);

describe('requirement groups (heatmap rows), derived from the catalog', () => {
  it('groups ISO/IEC 27001 into clauses 4-10 and the four Annex A themes', () => {
    const groups = requirementGroupsOf('iso27001');
    expect(refs(groups.filter((g) => g.section === 'clause'))).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    expect(refs(groups.filter((g) => g.section === 'annex-control'))).toEqual(['A.5', 'A.6', 'A.7', 'A.8']);
    expect(requirementGroup('iso27001:A.8.15')).toMatchObject({
      id: 'iso27001:A.8',
      title: 'Technological controls',
    });
  });

  it('groups ISO/IEC 42001 Annex A by objective A.2-A.10, nested objectives under their parent', () => {
    const annex = requirementGroupsOf('iso42001').filter((g) => g.section === 'annex-control');
    expect(refs(annex)).toEqual(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']);
    expect(requirementGroup('iso42001:A.6.2.3').ref).toBe('A.6');
    expect(requirementGroup('iso42001:9.2.1')).toMatchObject({ ref: '9', section: 'clause' });
  });

  it('reads SOC 2 security by series and the other categories as one group each', () => {
    expect(refs(requirementGroupsOf('soc2'))).toEqual([
      'CC1',
      'CC2',
      'CC3',
      'CC4',
      'CC5',
      'CC6',
      'CC7',
      'CC8',
      'CC9',
      'A',
      'C',
      'PI',
      'P',
    ]);
    expect(refs(requirementGroupsOf('soc2', { scopes: ['privacy'] })).at(-1)).toBe('P');
    expect(requirementGroupsOf('soc2', { scopes: [] })).toHaveLength(9);
    expect(requirementGroup('soc2:P4.2')).toMatchObject({ id: 'soc2:scope:privacy', ref: 'P' });
  });

  it('puts every assessable requirement in exactly one group of its framework', () => {
    for (const framework of ['iso27001', 'iso42001', 'soc2'] as const) {
      const ids = new Set(requirementGroupsOf(framework).map((g) => g.id));
      for (const r of requirementsOf(framework, { assessableOnly: true })) {
        expect(ids.has(requirementGroup(r.id).id), r.id).toBe(true);
      }
    }
  });
});
