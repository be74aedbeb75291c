import { describe, expect, it } from 'vitest';
import { requirementsOf } from '../catalog.js';
import type { RequirementId } from '../ids.js';
import { computeCombinedCoverage } from './combined.js';
import { computeCoverage, type StatusMap } from './coverage.js';

const find = (result: { requirements: readonly { requirement: string }[] }, id: string) => {
  const r = result.requirements.find((x) => x.requirement === id);
  if (r === undefined) throw new Error(`${id} missing from result`);
  return r as ReturnType<typeof computeCombinedCoverage>['requirements'][number];
};

function allOf(framework: 'iso27001' | 'soc2', status: 'implemented' | 'partial' = 'implemented'): StatusMap {
  const statuses: Partial<Record<RequirementId, 'implemented' | 'partial'>> = {};
  for (const r of requirementsOf(framework, { assessableOnly: true })) statuses[r.id] = status;
  return statuses;
}

describe('coverage from several frameworks at once (the gap-assessment pre-fill)', () => {
  it('gives the same answer as the single-framework engine when one framework has statuses', () => {
    const statuses: StatusMap = {
      'iso27001:7.5.3': 'implemented',
      'iso27001:9.2.1': 'implemented',
      'iso27001:A.5.1': 'partial',
      'iso27001:A.8.15': 'not_implemented',
    };
    const combined = computeCombinedCoverage(statuses, 'iso42001');
    const single = computeCoverage('iso27001', statuses, 'iso42001');
    expect(combined.sources).toEqual([{ from: 'iso27001', routes: [['iso27001', 'iso42001']] }]);
    expect(combined.summary).toEqual(single.summary);
    expect(combined.requirements.map((r) => [r.requirement, r.state])).toEqual(
      single.requirements.map((r) => [r.requirement, r.state]),
    );
  });

  it('explains a partial carry-over with its chain: internal audit reused, widened to AI', () => {
    const result = computeCombinedCoverage({ 'iso27001:9.2.1': 'implemented' }, 'iso42001');
    const audit = find(result, 'iso42001:9.2.1');
    expect(audit).toMatchObject({ state: 'partial', needsReview: true });
    expect(audit.chains).toHaveLength(1);
    expect(audit.chains[0]).toMatchObject({
      source: 'iso27001:9.2.1',
      sourceStatus: 'implemented',
      strength: 'partial',
      yields: 'partial',
      hops: [{ from: 'iso27001:9.2.1', to: 'iso42001:9.2.1', relation: 'intersect' }],
    });
    expect(audit.chains[0]?.hops[0]?.rationale).toMatch(/widened to AI/);
  });

  it('merges the chains of every source framework, strongest and shortest first', () => {
    const statuses = {
      ...allOf('soc2'),
      'iso27001:7.5.3': 'implemented',
      'iso27001:4.1': 'implemented',
    } satisfies StatusMap;
    const result = computeCombinedCoverage(statuses, 'iso42001');
    expect(result.sources).toEqual([
      { from: 'iso27001', routes: [['iso27001', 'iso42001']] },
      { from: 'soc2', routes: [['soc2', 'iso27001', 'iso42001']] },
    ]);
    // 7.5.3 is `equal` to ISO/IEC 27001 7.5.3: satisfied, whatever SOC 2 adds.
    expect(find(result, 'iso42001:7.5.3')).toMatchObject({ state: 'satisfied', needsReview: false });
    // 4.1 is reached from ISO/IEC 27001 4.1 directly and from SOC 2 criteria through it: both kept, the
    // one-hop chain first.
    const context = find(result, 'iso42001:4.1');
    expect(context.state).toBe('partial');
    expect(context.chains[0]?.source).toBe('iso27001:4.1');
    const soc2Chains = context.chains.filter((c) => c.source.startsWith('soc2:'));
    expect(soc2Chains.length).toBeGreaterThan(0);
    for (const chain of soc2Chains) {
      expect(chain.hops.map((h) => h.crosswalk)).toEqual(['soc2-iso27001', 'iso42001-iso27001']);
    }
    // Without ISO/IEC 27001 recorded, SOC 2 alone still carries 4.1 over partly, through the pivot.
    expect(find(computeCombinedCoverage(allOf('soc2'), 'iso42001'), 'iso42001:4.1').state).toBe('partial');
  });

  it('covers at least as much as each framework alone, never less', () => {
    const both = computeCombinedCoverage({ ...allOf('soc2'), ...allOf('iso27001') }, 'iso42001');
    const fromIso = computeCoverage('iso27001', allOf('iso27001'), 'iso42001');
    const fromSoc2 = computeCoverage('soc2', allOf('soc2'), 'iso42001');
    expect(both.summary.satisfied + both.summary.partial).toBeGreaterThanOrEqual(
      Math.max(
        fromIso.summary.satisfied + fromIso.summary.partial,
        fromSoc2.summary.satisfied + fromSoc2.summary.partial,
      ),
    );
    expect(both.summary.satisfied).toBe(fromIso.summary.satisfied);
  });

  it('ignores statuses of the target itself and lists candidates where the source is not implemented', () => {
    const result = computeCombinedCoverage(
      { 'iso42001:A.6.2.8': 'implemented', 'iso27001:A.8.15': 'not_implemented' },
      'iso42001',
    );
    expect(result.sources.map((s) => s.from)).toEqual(['iso27001']);
    const logs = find(result, 'iso42001:A.6.2.8');
    expect(logs.state).toBe('open');
    expect(logs.candidates.map((c) => c.source)).toEqual(['iso27001:A.8.15']);
  });

  it('answers every target requirement, open, when nothing is recorded', () => {
    const result = computeCombinedCoverage({}, 'soc2', { targetScopes: [] });
    expect(result.sources).toEqual([]);
    expect(result.summary).toMatchObject({ total: 33, open: 33, satisfied: 0, partial: 0 });
  });

  it('refuses headings and unknown ids, which no one can implement', () => {
    expect(() => computeCombinedCoverage({ 'iso27001:A.5': 'implemented' }, 'iso42001')).toThrow(
      /not an assessable/,
    );
    expect(() => computeCombinedCoverage({ 'iso27001:Z.9': 'implemented' } as StatusMap, 'iso42001')).toThrow(
      /not an assessable/,
    );
  });
});
