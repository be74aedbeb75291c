import { describe, expect, it } from 'vitest';
import { isAssessable, listFrameworks } from './catalog.js';
import { mappingsOf } from './crosswalks/accessors.js';
import { isAssessableRequirement, isKnownRequirement, requirementLinks } from './lookup.js';

// The workflow-safe lookup reads the raw data modules; it must agree with the validated catalog.
describe('requirement lookup', () => {
  const all = listFrameworks().flatMap((f) => f.requirements);

  it('knows every catalog requirement, headings included, and nothing else', () => {
    for (const r of all) expect(isKnownRequirement(r.id), r.id).toBe(true);
    for (const id of ['iso27001:A.5.99', 'iso27001:a.5.1', 'soc2:CC10.1', 'iso42001:', 'A.5.1', '']) {
      expect(isKnownRequirement(id), id).toBe(false);
    }
  });

  it('tells assessable requirements from headings exactly as the validated catalog does', () => {
    for (const r of all) expect(isAssessableRequirement(r.id), r.id).toBe(isAssessable(r.id));
    expect(isAssessableRequirement('iso27001:A.5')).toBe(false);
    expect(isAssessableRequirement('iso27001:A.5.15')).toBe(true);
    expect(isAssessableRequirement('iso27001:A.5.99')).toBe(false);
  });

  it('links a requirement both ways, exactly as the crosswalk accessors read the rows', () => {
    for (const r of all) {
      const expected = mappingsOf(r.id)
        .filter((m) => m.to !== null && m.relation !== 'not_related')
        .map((m) => ({ requirement: m.to, relation: m.relation, crosswalk: m.crosswalk }));
      expect(requirementLinks(r.id), r.id).toEqual(expected);
    }
  });

  it('links a SOC 2 access criterion to the ISO/IEC 27001 access-control controls', () => {
    const links = requirementLinks('soc2:CC6.2');
    expect(links.map((l) => l.requirement)).toEqual(['iso27001:A.5.9', 'iso27001:A.5.15', 'iso27001:A.5.18']);
    expect(links.every((l) => l.relation === 'intersect' && l.crosswalk === 'soc2-iso27001')).toBe(true);
    // Read from the other side, the relation is reversed (subset <-> superset; intersect stays).
    expect(requirementLinks('iso27001:A.5.18')).toContainEqual({
      requirement: 'soc2:CC6.2',
      relation: 'intersect',
      crosswalk: 'soc2-iso27001',
    });
    expect(requirementLinks('iso27001:A.5.99')).toEqual([]);
  });

  it('reverses subset and superset when read from the far side', () => {
    const superset = requirementLinks('iso42001:5.1').find((l) => l.requirement === 'nist-ai-rmf:GOVERN-2.3');
    expect(superset?.relation).toBe('superset');
    expect(requirementLinks('nist-ai-rmf:GOVERN-2.3')).toContainEqual({
      requirement: 'iso42001:5.1',
      relation: 'subset',
      crosswalk: 'nist-ai-rmf-iso42001',
    });
  });
});
