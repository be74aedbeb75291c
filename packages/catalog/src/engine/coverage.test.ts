import { describe, expect, it } from 'vitest';
import { requirementsOf } from '../catalog.js';
import { getCrosswalk } from '../crosswalks/accessors.js';
import { frameworkIds } from '../ids.js';
import { computeCoverage } from './coverage.js';
import { hopsFrom } from './graph.js';
import { overlap, overlapByKind, overlapMatrix } from './overlap.js';

const find = (result: ReturnType<typeof computeCoverage>, id: string) => {
  const r = result.requirements.find((x) => x.requirement === id);
  if (r === undefined) throw new Error(`${id} missing from result`);
  return r;
};

describe('coverage engine, hand-checked ISO 27001 -> ISO 42001 scenario', () => {
  // 7.5.3 document control is `equal` (the crosswalk says why the ISMS procedure covers it); 7.2 competence has
  // the same title but is only `intersect` (AI competence still to add), like 6.1.2 whose subject differs; A.5.1
  // maps to 42001 A.2.2, A.2.3 and A.2.4 as `intersect`; A.8.15 logging maps to A.6.2.8 but is not implemented.
  // Computed inside each test, not when the file is collected, so that a mutation test sees the code under test run.
  const scenario = () =>
    computeCoverage(
      'iso27001',
      {
        'iso27001:7.5.3': 'implemented',
        'iso27001:7.2': 'implemented',
        'iso27001:6.1.2': 'implemented',
        'iso27001:A.5.1': 'partial',
        'iso27001:A.8.15': 'not_implemented',
        'iso27001:A.5.9': 'not_applicable',
      },
      'iso42001',
    );

  it('carries an equal row over fully, with its justification', () => {
    const result = scenario();
    const r = find(result, 'iso42001:7.5.3');
    expect(r).toMatchObject({ state: 'satisfied', needsReview: false });
    expect(r.chains).toHaveLength(1);
    expect(r.chains[0]?.hops).toMatchObject([
      {
        crosswalk: 'iso42001-iso27001',
        from: 'iso27001:7.5.3',
        to: 'iso42001:7.5.3',
        relation: 'equal',
        reversed: true,
      },
    ]);
  });

  it('carries an intersect row over partly and asks for review, even where the clause titles are the same', () => {
    const result = scenario();
    expect(find(result, 'iso42001:6.1.2')).toMatchObject({ state: 'partial', needsReview: true });
    expect(find(result, 'iso42001:7.2')).toMatchObject({ state: 'partial', needsReview: true });
  });

  it('turns a partial source into a partial target even through an intersect row', () => {
    const result = scenario();
    for (const id of ['iso42001:A.2.2', 'iso42001:A.2.3', 'iso42001:A.2.4']) {
      const r = find(result, id);
      expect(r.state, id).toBe('partial');
      expect(r.chains.map((c) => c.source)).toEqual(['iso27001:A.5.1']);
    }
  });

  it('leaves targets open when the source is not implemented or not applicable, listing candidates', () => {
    const result = scenario();
    const logs = find(result, 'iso42001:A.6.2.8');
    expect(logs.state).toBe('open');
    expect(logs.candidates.map((c) => c.source)).toEqual(['iso27001:A.8.15']);
    expect(find(result, 'iso42001:A.4.2')).toMatchObject({ state: 'open', chains: [] });
    expect(find(result, 'iso42001:A.7.4')).toMatchObject({ state: 'open', chains: [], candidates: [] });
  });

  it('summarises the whole target framework', () => {
    const result = scenario();
    expect(result.summary).toEqual({
      total: 70,
      satisfied: 1,
      partial: 5,
      open: 64,
      satisfiedPct: 1.4,
      partialPct: 7.1,
      coveredPct: 8.6,
    });
  });
});

describe('coverage engine, pivots and options', () => {
  it('takes one pivot hop where no direct crosswalk exists; a partial hop makes the whole chain partial', () => {
    const result = computeCoverage('iso27001', { 'iso27001:5.1': 'implemented' }, 'nist-ai-rmf');
    expect(result.routes).toEqual([['iso27001', 'iso42001', 'nist-ai-rmf']]);
    const r = find(result, 'nist-ai-rmf:GOVERN-2.3');
    // 27001 5.1 only partly carries over to 42001 5.1 (commitment to an ISMS, not to an AIMS), although 42001 5.1
    // is a superset of GOVERN 2.3: partial over both hops.
    expect(r.state).toBe('partial');
    expect(r.chains[0]?.hops.map((h) => [h.from, h.to, h.relation])).toEqual([
      ['iso27001:5.1', 'iso42001:5.1', 'intersect'],
      ['iso42001:5.1', 'nist-ai-rmf:GOVERN-2.3', 'superset'],
    ]);
    expect(result.summary.satisfied).toBe(0);
    expect(result.summary.partial).toBe(1);
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
  it('counts as satisfied exactly the 42001 rows that say why the ISMS already covers them', () => {
    const equalRows = getCrosswalk('iso42001-iso27001')?.rows.filter((r) => r.relation === 'equal') ?? [];
    const o = overlap('iso27001', 'iso42001');
    expect(o.satisfied).toBe(equalRows.length);
    expect(o.total).toBe(requirementsOf('iso42001', { assessableOnly: true }).length);
    expect(o.satisfied + o.partial + o.open).toBe(o.total);
  });

  it('splits ISO/IEC 27001 -> 42001 into clauses and Annex A, full apart from partial', () => {
    const parts = overlapByKind('iso27001', 'iso42001');
    expect(parts.map((p) => p.kind)).toEqual(['clause', 'annex-control']);
    const [clauses, annex] = parts;
    expect(clauses).toMatchObject({ total: 32, satisfied: ['iso42001:7.5.2', 'iso42001:7.5.3'], open: 2 });
    expect(clauses?.partial).toContain('iso42001:9.2.1');
    expect(clauses?.partial).toContain('iso42001:9.3.1');
    expect(clauses?.partial).not.toContain('iso42001:6.1.4');
    expect(annex).toMatchObject({ total: 38, satisfied: [], open: 24 });
    expect(annex?.partial).toHaveLength(14);
    const whole = overlap('iso27001', 'iso42001');
    expect(parts.reduce((n, p) => n + p.satisfied.length, 0)).toBe(whole.satisfied);
    expect(parts.reduce((n, p) => n + p.partial.length, 0)).toBe(whole.partial);
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

describe('coverage engine, edges', () => {
  it('needs two different frameworks', () => {
    expect(() => computeCoverage('iso27001', {}, 'iso27001')).toThrow(
      new Error('coverage needs two different frameworks'),
    );
  });

  it('takes the strongest chain when several sources reach a target, and keeps the weaker one as evidence', () => {
    // SOC 2 CC7.3 is `equal` to ISO/IEC 27001 A.5.25, CC7.4 only `intersect`.
    const result = computeCoverage(
      'soc2',
      { 'soc2:CC7.3': 'implemented', 'soc2:CC7.4': 'implemented' },
      'iso27001',
    );
    const r = find(result, 'iso27001:A.5.25');
    expect(r).toMatchObject({ state: 'satisfied', needsReview: false, candidates: [] });
    expect(r.chains.map((c) => [c.source, c.strength, c.yields])).toEqual([
      ['soc2:CC7.3', 'full', 'satisfied'],
      ['soc2:CC7.4', 'partial', 'partial'],
    ]);
    const partly = find(
      computeCoverage('soc2', { 'soc2:CC7.3': 'partial', 'soc2:CC7.4': 'implemented' }, 'iso27001'),
      'iso27001:A.5.25',
    );
    expect(partly).toMatchObject({ state: 'partial', needsReview: true });
    expect(partly.chains.map((c) => c.yields)).toEqual(['partial', 'partial']);
  });

  it('puts the strongest chain first even when a weaker source comes first in the catalog', () => {
    // ISO/IEC 27001 A.8.15 (logging) only intersects SOC 2 CC7.2; A.8.16 (monitoring) is equal to it.
    const r = find(
      computeCoverage(
        'iso27001',
        { 'iso27001:A.8.15': 'implemented', 'iso27001:A.8.16': 'implemented' },
        'soc2',
      ),
      'soc2:CC7.2',
    );
    expect(r).toMatchObject({ state: 'satisfied', needsReview: false });
    expect(r.chains.map((c) => [c.source, c.yields])).toEqual([
      ['iso27001:A.8.16', 'satisfied'],
      ['iso27001:A.8.15', 'partial'],
    ]);
  });

  it('carries a superset row over fully', () => {
    // ISO/IEC 27001 6.1.3 (risk treatment) is a superset of SOC 2 CC5.1.
    const r = find(computeCoverage('iso27001', { 'iso27001:6.1.3': 'implemented' }, 'soc2'), 'soc2:CC5.1');
    expect(r.state).toBe('satisfied');
    expect(r.chains.map((c) => [c.source, c.strength])).toContainEqual(['iso27001:6.1.3', 'full']);
  });

  it('lists a source without a status as not implemented among the candidates', () => {
    const r = find(computeCoverage('soc2', {}, 'iso27001'), 'iso27001:A.5.25');
    expect(r.state).toBe('open');
    expect(r.chains).toEqual([]);
    expect(r.candidates.map((c) => [c.source, c.sourceStatus, c.yields])).toEqual([
      ['soc2:CC7.3', 'not_implemented', 'open'],
      ['soc2:CC7.4', 'not_implemented', 'open'],
    ]);
  });

  it('finds no hop from a requirement to a framework its crosswalks do not reach', () => {
    expect(hopsFrom('iso27001:A.5.25', 'eu-ai-act')).toEqual([]);
    expect(hopsFrom('iso27001:A.5.25', 'soc2').map((h) => h.to)).toEqual(
      expect.arrayContaining(['soc2:CC7.3', 'soc2:CC7.4']),
    );
  });
});
