import { describe, expect, it } from 'vitest';

import { scopeRequirements, suggestions } from './prefill.js';

const iso42001 = { frameworks: ['iso42001'] as const, soc2Categories: [] };

describe('gap-assessment pre-fill', () => {
  it('covers every clause and Annex A control of ISO/IEC 42001 and the chosen SOC 2 categories', () => {
    expect(scopeRequirements(iso42001)).toHaveLength(70);
    expect(scopeRequirements({ frameworks: ['soc2'], soc2Categories: [] })).toHaveLength(33);
    expect(scopeRequirements({ frameworks: ['soc2'], soc2Categories: ['availability'] })).toHaveLength(36);
    expect(scopeRequirements({ frameworks: ['iso27001', 'iso42001'], soc2Categories: [] })).toHaveLength(
      123 + 70,
    );
  });

  it('suggests from ISO/IEC 27001: carried over, partly with the chain, open with candidates', () => {
    const recorded = new Map([
      ['iso27001:7.5.3', 'implemented'],
      ['iso27001:9.2.1', 'implemented'],
      ['iso27001:A.8.15', 'not_implemented'],
    ] as const);
    const result = suggestions(iso42001, recorded);
    expect(result.size).toBe(70);
    expect(result.get('iso42001:7.5.3')).toMatchObject({ basis: 'carried-over', status: 'implemented' });
    const audit = result.get('iso42001:9.2.1');
    expect(audit).toMatchObject({ basis: 'partly', status: 'partial', moreChains: 0 });
    expect(audit?.chains[0]?.hops).toEqual([
      expect.objectContaining({ from: 'iso27001:9.2.1', to: 'iso42001:9.2.1', relation: 'intersect' }),
    ]);
    expect(result.get('iso42001:A.6.2.8')).toMatchObject({
      basis: 'open',
      status: 'not_implemented',
      chains: [],
      candidates: ['iso27001:A.8.15'],
    });
  });

  it('prefers what the organisation recorded for the requirement itself', () => {
    const recorded = new Map([
      ['iso27001:9.2.1', 'implemented'],
      ['iso42001:9.2.1', 'implemented'],
    ] as const);
    expect(suggestions(iso42001, recorded).get('iso42001:9.2.1')).toMatchObject({
      basis: 'recorded',
      status: 'implemented',
    });
  });

  it('lets the draft’s answers for one framework feed the suggestions for the other', () => {
    const scope = { frameworks: ['iso27001', 'iso42001'] as const, soc2Categories: [] };
    const answers = new Map([['iso27001:9.3.1', 'implemented']] as const);
    expect(suggestions(scope, new Map()).get('iso42001:9.3.1')?.basis).toBe('open');
    expect(suggestions(scope, new Map(), answers).get('iso42001:9.3.1')?.basis).toBe('partly');
  });
});
