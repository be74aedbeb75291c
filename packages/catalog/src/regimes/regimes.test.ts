import { describe, expect, it } from 'vitest';
import { getRegime, regimeRules } from './index.js';

describe('Colorado AI Act regime', () => {
  const co = getRegime('colorado-ai-act');
  const version = (id: string) => co.versions.find((v) => v.id === id);

  it('marks SB 24-205 as repealed and never effective, replaced by SB 26-189', () => {
    expect(version('sb24-205')).toMatchObject({
      status: 'repealed_never_effective',
      supersededBy: 'sb26-189',
    });
    expect(version('sb26-189')).toMatchObject({
      status: 'enacted_not_yet_effective',
      effectiveDate: '2027-01-01',
      supersedes: 'sb24-205',
    });
  });

  it('retires the NIST AI RMF / ISO 42001 affirmative defence', () => {
    const rule = co.rules.find((r) => r.id === 'affirmative-defense-nist-iso');
    expect(rule).toMatchObject({ status: 'retired', retiredBy: 'sb26-189', version: 'sb24-205' });
    expect(rule?.frameworks).toEqual(['nist-ai-rmf', 'iso42001']);
    expect(regimeRules('colorado-ai-act', 'active').every((r) => r.version === 'sb26-189')).toBe(true);
  });

  it('only references versions that exist', () => {
    const ids = new Set(co.versions.map((v) => v.id));
    for (const v of co.versions) {
      for (const link of [v.amends, v.supersedes, v.supersededBy])
        if (link !== null) expect(ids).toContain(link);
    }
    for (const r of co.rules) {
      expect(ids).toContain(r.version);
      if (r.retiredBy !== null) expect(ids).toContain(r.retiredBy);
      expect(r.status === 'retired').toBe(r.retiredBy !== null);
    }
  });
});
