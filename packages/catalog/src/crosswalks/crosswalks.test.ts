import { describe, expect, it } from 'vitest';
import { getRequirement, isAssessable, requirementsOf } from '../catalog.js';
import { dottedParent } from '../frameworks/build.js';
import { harmonizedClauses } from '../frameworks/harmonized-structure.js';
import { frameworkOf, relations, type RequirementId } from '../ids.js';
import { crosswalkSchema } from '../schema.js';
import { crosswalkRows, crosswalks, getCrosswalk, mappingsOf, reverseRelation } from './accessors.js';

const endpoints = (c: (typeof crosswalks)[number]) =>
  c.rows.flatMap((r) => [r.from, r.to]).filter((id): id is RequirementId => id !== null);

describe('crosswalks', () => {
  it('covers the four required pairs', () => {
    expect(crosswalks.map((c) => [c.from, c.to].sort().join('|')).sort()).toEqual(
      ['eu-ai-act|iso42001', 'iso27001|iso42001', 'iso27001|soc2', 'iso42001|nist-ai-rmf'].sort(),
    );
    for (const c of crosswalks) expect(() => crosswalkSchema.parse(c)).not.toThrow();
  });

  it('points every row at an existing, assessable requirement on the right side', () => {
    for (const c of crosswalks) {
      for (const row of c.rows) {
        if (row.from !== null) {
          expect(getRequirement(row.from), `${c.id} ${row.from}`).toBeDefined();
          expect(frameworkOf(row.from)).toBe(c.from);
          expect(isAssessable(row.from), row.from).toBe(true);
        }
        if (row.to !== null) {
          expect(getRequirement(row.to), `${c.id} ${row.to}`).toBeDefined();
          expect(frameworkOf(row.to)).toBe(c.to);
          expect(isAssessable(row.to), row.to).toBe(true);
        }
      }
    }
  });

  it('never repeats a pair, in either direction, across all crosswalks', () => {
    const seen = new Map<string, string>();
    for (const c of crosswalks) {
      for (const row of c.rows) {
        if (row.from === null || row.to === null) continue;
        const key = [row.from, row.to].sort().join(' ~ ');
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, c.id);
      }
    }
  });

  it('does not map a requirement it also declares as having no counterpart', () => {
    for (const c of crosswalks) {
      const unmatched = c.rows.filter((r) => r.from === null || r.to === null).map((r) => r.from ?? r.to);
      const mapped = new Set(
        c.rows.filter((r) => r.from !== null && r.to !== null).flatMap((r) => [r.from, r.to]),
      );
      for (const id of unmatched) expect(mapped.has(id), `${c.id} ${id}`).toBe(false);
    }
  });

  it('derives reverse relations consistently', () => {
    for (const r of relations) expect(reverseRelation(reverseRelation(r))).toBe(r);
    expect(reverseRelation('subset')).toBe('superset');
    expect(reverseRelation('intersect')).toBe('intersect');
    for (const c of crosswalks) {
      const forward = crosswalkRows(c.from, c.to);
      const backward = crosswalkRows(c.to, c.from);
      expect(backward).toHaveLength(forward.length);
      forward.forEach((f, i) => {
        const b = backward[i];
        expect(b?.from).toBe(f.to);
        expect(b?.to).toBe(f.from);
        expect(b?.relation).toBe(reverseRelation(f.relation));
        expect(b?.reversed).toBe(!f.reversed);
      });
    }
  });

  it('gives every pair in the catalog a single relation whichever side it is read from', () => {
    const relationOf = new Map<string, string>();
    for (const c of crosswalks) {
      for (const row of c.rows) {
        if (row.from === null || row.to === null) continue;
        for (const m of mappingsOf(row.from).filter((x) => x.to === row.to))
          expect(m.relation).toBe(row.relation);
        for (const m of mappingsOf(row.to).filter((x) => x.to === row.from)) {
          expect(m.relation).toBe(reverseRelation(row.relation));
        }
        relationOf.set(`${row.from}>${row.to}`, row.relation);
      }
    }
    expect(relationOf.size).toBeGreaterThan(0);
  });

  it('covers every requirement of the smaller side with a row or an explicit not_related row', () => {
    for (const c of crosswalks) {
      const from = requirementsOf(c.from, { assessableOnly: true });
      const to = requirementsOf(c.to, { assessableOnly: true });
      const smaller = from.length <= to.length ? from : to;
      const touched = new Set(endpoints(c));
      const missing = smaller.filter((r) => !touched.has(r.id)).map((r) => r.id);
      expect(missing, c.id).toEqual([]);
    }
  });

  it('gives every row a rationale and a source of a known form', () => {
    for (const c of crosswalks) {
      for (const row of c.rows) {
        expect(row.rationale.length).toBeGreaterThan(10);
        expect(row.source).toMatch(/^(published:|derived:|analysis$)/);
      }
    }
  });

  it('gives every 42001 leaf clause one 27001 row, full only where a row says why the ISMS already covers it', () => {
    const c = getCrosswalk('iso42001-iso27001');
    const parents = new Set(harmonizedClauses.map((h) => dottedParent(h.ref)));
    const leaves = harmonizedClauses.filter((h) => !parents.has(h.ref));
    for (const h of leaves) {
      const rows = c?.rows.filter((r) => r.from === `iso42001:${h.ref}`) ?? [];
      expect(rows, h.ref).toHaveLength(1);
      const row = rows[0]!;
      if (h.title27001 === null) {
        expect(row).toMatchObject({
          to: null,
          relation: 'not_related',
          source: 'derived:same-clause-number',
        });
      } else if (['7.5.2', '7.5.3'].includes(h.ref)) {
        expect(row).toMatchObject({ to: `iso27001:${h.ref}`, relation: 'equal', source: 'analysis' });
        expect(row.rationale).toMatch(/already/);
      } else {
        expect(row).toMatchObject({
          to: `iso27001:${h.ref}`,
          relation: 'intersect',
          source: 'derived:same-clause-number',
        });
      }
    }
  });

  it('rates same-title management-system clauses as partly covered, with the widening still to do', () => {
    const c = getCrosswalk('iso42001-iso27001');
    for (const ref of ['9.2.1', '9.2.2', '9.3.1', '7.2', '7.5.1', '10.2']) {
      const row = c?.rows.find((r) => r.from === `iso42001:${ref}`);
      expect(row?.relation, ref).toBe('intersect');
      expect(row?.rationale, ref).toMatch(/widened/);
    }
  });

  it('states AI-specific 42001 controls without a 27001 counterpart explicitly', () => {
    const c = getCrosswalk('iso42001-iso27001');
    const unmatched = c?.rows.filter((r) => r.to === null).map((r) => r.from) ?? [];
    for (const id of [
      'iso42001:A.5.2',
      'iso42001:A.7.4',
      'iso42001:A.9.2',
      'iso42001:6.1.4',
      'iso42001:8.4',
    ]) {
      expect(unmatched).toContain(id);
    }
  });
});
