import { describe, expect, it } from 'vitest';
import { requirementsOf } from '../catalog.js';
import { getCrosswalk } from '../crosswalks/accessors.js';
import { frameworkIds } from '../ids.js';
import { computeCoverage } from './coverage.js';
import { overlap, overlapMatrix } from './overlap.js';

const find = (result: ReturnType<typeof computeCoverage>, id: string) => {
  const r = result.requirements.find((x) => x.requirement === id);
  if (r === undefined) throw new Error(`${id} missing from result`);
  return r;
};

describe('coverage engine, hand-checked ISO 27001 -> ISO 42001 scenario', () => {
  // 7.2 competence is `equal` by clause number; 6.1.2 is `intersect` (subject differs); A.5.1 maps to
  // 42001 A.2.2, A.2.3 and A.2.4 as `intersect`; A.8.15 logging maps to A.6.2.8 but is not implemented.
  const result = computeCoverage(
    'iso27001',
    {
      'iso27001:7.2': 'implemented',
      'iso27001:6.1.2': 'implemented',
      'iso27001:A.5.1': 'partial',
      'iso27001:A.8.15': 'not_implemented',
      'iso27001:A.5.9': 'not_applicable',
    },
    'iso42001',
  );

  it('carries an equal row over fully, with its justification', () => {
    const r = find(result, 'iso42001:7.2');
    expect(r).toMatchObject({ state: 'satisfied', needsReview: false });
    expect(r.chains).toHaveLength(1);
    expect(r.chains[0]?.hops).toMatchObject([
      {
        crosswalk: 'iso42001-iso27001',
        from: 'iso27001:7.2',
        to: 'iso42001:7.2',
        relation: 'equal',
        reversed: true,
      },
    ]);
  });

  it('carries an intersect row over partly and asks for review', () => {
    expect(find(result, 'iso42001:6.1.2')).toMatchObject({ state: 'partial', needsReview: true });
  });

  it('turns a partial source into a partial target even through an intersect row', () => {
    for (const id of ['iso42001:A.2.2', 'iso42001:A.2.3', 'iso42001:A.2.4']) {
      const r = find(result, id);
      expect(r.state, id).toBe('partial');
      expect(r.chains.map((c) => c.source)).toEqual(['iso27001:A.5.1']);
    }
  });

  it('leaves targets open when the source is not implemented or not applicable, listing candidates', () => {
    const logs = find(result, 'iso42001:A.6.2.8');
    expect(logs.state).toBe('open');
    expect(logs.candidates.map((c) => c.source)).toEqual(['iso27001:A.8.15']);
    expect(find(result, 'iso42001:A.4.2')).toMatchObject({ state: 'open', chains: [] });
    expect(find(result, 'iso42001:A.7.4')).toMatchObject({ state: 'open', chains: [], candidates: [] });
  });

  it('summarises the whole target framework', () => {
    expect(result.summary).toEqual({
      total: 70,
      satisfied: 1,
      partial: 4,
      open: 65,
      satisfiedPct: 1.4,
      partialPct: 5.7,
      coveredPct: 7.1,
    });
  });
});

describe('coverage engine, pivots and options', () => {
  it('takes one pivot hop where no direct crosswalk exists', () => {
    const result = computeCoverage('iso27001', { 'iso27001:5.1': 'implemented' }, 'nist-ai-rmf');
    expect(result.routes).toEqual([['iso27001', 'iso42001', 'nist-ai-rmf']]);
    const r = find(result, 'nist-ai-rmf:GOVERN-2.3');
    // 27001 5.1 = 42001 5.1 (same clause), and 42001 5.1 is a superset of GOVERN 2.3: full over both hops.
    expect(r.state).toBe('satisfied');
    expect(r.chains[0]?.hops.map((h) => [h.from, h.to, h.relation])).toEqual([
      ['iso27001:5.1', 'iso42001:5.1', 'equal'],
      ['iso42001:5.1', 'nist-ai-rmf:GOVERN-2.3', 'superset'],
    ]);
    expect(result.summary.satisfied).toBe(1);
    expect(result.summary.partial).toBe(0);
  });

  it('uses the direct crosswalk and ignores pivots when one exists', () => {
    expect(computeCoverage('iso27001', {}, 'iso42001').routes).toEqual([['iso27001', 'iso42001']]);
  });

  it('reports no route beyond the pivot limit, and finds one when allowed', () => {
    expect(computeCoverage('soc2', {}, 'nist-ai-rmf').routes).toEqual([]);
    expect(computeCoverage('soc2', {}, 'nist-ai-rmf', { maxPivots: 2 }).routes).toEqual([
      ['soc2', 'iso27001', 'iso42001', 'nist-ai-rmf'],
    ]);
  });

  it('restricts SOC 2 targets to the selected categories', () => {
    expect(computeCoverage('iso27001', {}, 'soc2', { targetScopes: [] }).summary.total).toBe(33);
  });

  it('rejects statuses for requirements outside the source framework or that are only headings', () => {
    expect(() => computeCoverage('iso27001', { 'iso42001:7.2': 'implemented' }, 'soc2')).toThrow(
      /not an assessable/,
    );
    expect(() => computeCoverage('iso27001', { 'iso27001:A.5': 'implemented' }, 'soc2')).toThrow(
      /not an assessable/,
    );
  });
});

describe('overlap', () => {
  it('counts as satisfied exactly the 42001 clauses 27001 shares by number and title', () => {
    const equalRows = getCrosswalk('iso42001-iso27001')?.rows.filter((r) => r.relation === 'equal') ?? [];
    const o = overlap('iso27001', 'iso42001');
    expect(o.satisfied).toBe(equalRows.length);
    expect(o.total).toBe(requirementsOf('iso42001', { assessableOnly: true }).length);
    expect(o.satisfied + o.partial + o.open).toBe(o.total);
  });

  it('has an entry for every ordered pair, each summing to the target size', () => {
    const m = overlapMatrix();
    expect(m).toHaveLength(frameworkIds.length * (frameworkIds.length - 1));
    for (const e of m) {
      expect(e.total).toBe(requirementsOf(e.to, { assessableOnly: true }).length);
      expect(e.coveredPct).toBeGreaterThanOrEqual(e.satisfiedPct);
      if (e.routes.length === 0) expect(e.open).toBe(e.total);
    }
  });
});
