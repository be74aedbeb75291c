import { describe, expect, it } from 'vitest';
import { applicationDateChain, childrenOf, getRequirement, requirementsOf } from '../catalog.js';
import { frameworkIds, type FrameworkId, type RequirementId, type RequirementKind } from '../ids.js';
import { frameworkSchema } from '../schema.js';
import { frameworks } from './index.js';

const ofKind = (fw: FrameworkId, kind: RequirementKind) =>
  frameworks[fw].requirements.filter((r) => r.kind === kind);
const descendants = (id: RequirementId, kind: RequirementKind): number =>
  childrenOf(id).reduce((n, c) => n + (c.kind === kind ? 1 : 0) + descendants(c.id, kind), 0);

describe('catalog integrity', () => {
  it('validates every framework against its schema', () => {
    for (const id of frameworkIds) expect(() => frameworkSchema.parse(frameworks[id])).not.toThrow();
  });

  it('has globally unique requirement ids', () => {
    const ids = frameworkIds.flatMap((f) => frameworks[f].requirements.map((r) => r.id));
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('links every parent to an existing requirement of the same framework', () => {
    for (const f of frameworkIds) {
      for (const r of frameworks[f].requirements) {
        if (r.parent === null) continue;
        expect(getRequirement(r.parent)?.framework, `${r.id} -> ${r.parent}`).toBe(f);
      }
    }
  });

  it('writes its own summaries rather than repeating titles', () => {
    for (const f of frameworkIds) {
      for (const r of frameworks[f].requirements)
        expect(r.summary.toLowerCase()).not.toBe(r.title.toLowerCase());
    }
  });

  it('carries an edition on every framework', () => {
    expect(frameworks.iso27001.edition.id).toBe('2022');
    expect(frameworks.iso42001.edition.id).toBe('2023');
    expect(frameworks['nist-ai-rmf'].edition.id).toBe('1.0');
    for (const f of frameworkIds) expect(frameworks[f].family).toBe(f);
  });
});

describe('ISO/IEC 42001:2023', () => {
  it('has clauses 4-10 including 6.1.1-6.1.4', () => {
    const refs = ofKind('iso42001', 'clause').map((r) => r.ref);
    expect(refs.filter((r) => !r.includes('.'))).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    for (const ref of ['6.1.1', '6.1.2', '6.1.3', '6.1.4', '8.4', '9.3.3', '10.2'])
      expect(refs).toContain(ref);
    expect(refs).toHaveLength(43);
  });

  it('has 9 Annex A objectives and 38 controls split 3/2/5/4/9/5/4/3/3', () => {
    const top = ofKind('iso42001', 'annex-objective').filter((r) => r.parent === null);
    expect(top).toHaveLength(9);
    expect(ofKind('iso42001', 'annex-control')).toHaveLength(38);
    expect(top.map((o) => descendants(o.id, 'annex-control'))).toEqual([3, 2, 5, 4, 9, 5, 4, 3, 3]);
  });
});

describe('ISO/IEC 27001:2022', () => {
  it('has clauses 4-10 without the AI-only 6.1.4 and 8.4', () => {
    const refs = ofKind('iso27001', 'clause').map((r) => r.ref);
    expect(refs).toHaveLength(41);
    expect(refs).not.toContain('6.1.4');
    expect(refs).not.toContain('8.4');
  });

  it('has 93 Annex A controls in 4 themes of 37/8/14/34', () => {
    const themes = ofKind('iso27001', 'annex-theme');
    expect(themes.map((t) => t.ref)).toEqual(['A.5', 'A.6', 'A.7', 'A.8']);
    expect(themes.map((t) => childrenOf(t.id).length)).toEqual([37, 8, 14, 34]);
    expect(ofKind('iso27001', 'annex-control')).toHaveLength(93);
  });
});

describe('SOC 2', () => {
  it('has 61 criteria: 33 common, A1 3, C1 2, PI1 5, P1-P8 18', () => {
    const criteria = ofKind('soc2', 'criterion');
    expect(criteria).toHaveLength(61);
    const byScope = (s: string) => criteria.filter((c) => c.scope === s).length;
    expect([byScope('security'), byScope('availability'), byScope('confidentiality')]).toEqual([33, 3, 2]);
    expect([byScope('processing-integrity'), byScope('privacy')]).toEqual([5, 18]);
  });

  it('splits the common criteria 5/3/4/2/3/8/5/1/2 over CC1-CC9', () => {
    const counts = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => childrenOf(`soc2:CC${n}`).length);
    expect(counts).toEqual([5, 3, 4, 2, 3, 8, 5, 1, 2]);
  });

  it('always scopes Security in and lets the others be selected', () => {
    expect(frameworks.soc2.scopes.filter((s) => s.alwaysInScope).map((s) => s.id)).toEqual(['security']);
    expect(requirementsOf('soc2', { assessableOnly: true, scopes: [] })).toHaveLength(33);
    expect(requirementsOf('soc2', { assessableOnly: true, scopes: ['privacy'] })).toHaveLength(51);
  });
});

describe('NIST AI RMF 1.0', () => {
  it('has 4 functions, 19 categories, 72 subcategories', () => {
    expect(ofKind('nist-ai-rmf', 'function').map((f) => f.ref)).toEqual([
      'GOVERN',
      'MAP',
      'MEASURE',
      'MANAGE',
    ]);
    expect(ofKind('nist-ai-rmf', 'category')).toHaveLength(19);
    expect(ofKind('nist-ai-rmf', 'subcategory')).toHaveLength(72);
  });

  it('splits subcategories 19/18/22/13 and categories 6/5/4/4 over the functions', () => {
    const fns = ofKind('nist-ai-rmf', 'function');
    expect(fns.map((f) => childrenOf(f.id).length)).toEqual([6, 5, 4, 4]);
    expect(fns.map((f) => descendants(f.id, 'subcategory'))).toEqual([19, 18, 22, 13]);
    expect(getRequirement('nist-ai-rmf:GOVERN-1.1')?.ref).toBe('GOVERN 1.1');
  });
});

describe('EU AI Act', () => {
  const eu = frameworks['eu-ai-act'];

  it('lists the high-risk obligations with duty holders', () => {
    for (const n of [4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 26, 27, 43, 47, 48, 49, 72, 73]) {
      const r = getRequirement(`eu-ai-act:art-${n}`);
      expect(r, `Art. ${n}`).toBeDefined();
      expect(r?.dutyHolders?.length).toBeGreaterThan(0);
    }
    expect(getRequirement('eu-ai-act:art-26')?.dutyHolders).toEqual(['deployer']);
    expect(getRequirement('eu-ai-act:art-9')?.dutyHolders).toEqual(['provider']);
  });

  it('points every obligation at application-date groups that exist', () => {
    const groups = new Set(eu.applicationDates.map((d) => d.group));
    for (const r of eu.requirements) {
      expect(r.appliesFrom?.length, r.id).toBeGreaterThan(0);
      for (const g of r.appliesFrom ?? []) expect(groups, `${r.id} ${g}`).toContain(g);
    }
  });

  it('models the Digital Omnibus as supersession, keeping the original dates and legal basis', () => {
    const annexIII = applicationDateChain('annex-iii-high-risk');
    expect(annexIII.map((d) => [d.date, d.status])).toEqual([
      ['2026-08-02', 'superseded'],
      ['2027-12-02', 'adopted_pending_oj'],
    ]);
    expect(annexIII[0]?.legalBasis).toMatch(/Art\. 113/);
    const annexI = applicationDateChain('annex-i-high-risk');
    expect(annexI.map((d) => d.date)).toEqual(['2027-08-02', '2028-08-02']);
    expect(applicationDateChain('general-provisions').map((d) => d.date)).toEqual(['2025-02-02']);
  });

  it('keeps supersession links symmetric and every group a single chain', () => {
    const byId = new Map(eu.applicationDates.map((d) => [d.id, d]));
    for (const d of eu.applicationDates) {
      if (d.supersededBy !== null) expect(byId.get(d.supersededBy)?.supersedes).toBe(d.id);
      if (d.supersedes !== null) expect(byId.get(d.supersedes)?.supersededBy).toBe(d.id);
      expect(d.status === 'superseded').toBe(d.supersededBy !== null);
    }
    for (const g of new Set(eu.applicationDates.map((d) => d.group))) {
      expect(applicationDateChain(g)).toHaveLength(eu.applicationDates.filter((d) => d.group === g).length);
    }
  });
});
