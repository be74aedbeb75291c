import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as all from './index.js';
import {
  gapAnswersUpdateSchema,
  implementationStatuses,
  requirementStatusesUpdateSchema,
  soaUpdateSchema,
} from './implementation.js';

const issues = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('implementation statuses', () => {
  it('uses the catalog’s status list, the one the coverage engine reads', () => {
    expect(implementationStatuses).toEqual(['implemented', 'partial', 'not_implemented', 'not_applicable']);
  });

  it('accepts an assessable requirement with owner, evidence and note', () => {
    const result = requirementStatusesUpdateSchema.safeParse({
      items: [
        {
          requirementId: 'iso27001:A.5.15',
          status: 'implemented',
          ownerEmail: 'ciso@acme.example',
          evidence: 'Access control policy v3, section 2',
          note: 'Reviewed quarterly',
        },
      ],
    });
    expect(result.success).toBe(true);
  });

  it('names the item and field of a heading, an unknown id, a missing justification and a duplicate', () => {
    const result = requirementStatusesUpdateSchema.safeParse({
      items: [
        { requirementId: 'iso27001:A.5', status: 'implemented' },
        { requirementId: 'iso27001:A.5.99', status: 'implemented' },
        { requirementId: 'iso27001:A.7.1', status: 'not_applicable', justification: 'n/a' },
        {
          requirementId: 'iso27001:A.7.2',
          status: 'not_applicable',
          justification: 'Fully remote company, no offices',
        },
        { requirementId: 'iso27001:A.7.2', status: 'implemented' },
      ],
    });
    expect(issues(result)).toEqual([
      ['items.0.requirementId', expect.stringMatching(/only groups other requirements/)],
      ['items.1.requirementId', expect.stringMatching(/not an assessable requirement/)],
      ['items.2.justification', expect.stringMatching(/not applicable needs a justification/)],
      ['items.4.requirementId', 'iso27001:A.7.2 appears twice'],
    ]);
  });
});

describe('gap answers and the Statement of Applicability', () => {
  it('carries a task plan with each answer', () => {
    const parsed = gapAnswersUpdateSchema.parse({
      items: [
        {
          requirementId: 'iso42001:9.2.1',
          status: 'partial',
          task: { ownerEmail: 'audit@acme.example', dueDate: '2027-03-31' },
        },
      ],
    });
    expect(parsed.items[0]?.task).toEqual({ ownerEmail: 'audit@acme.example', dueDate: '2027-03-31' });
  });

  it('requires a justification for an excluded control only', () => {
    expect(
      soaUpdateSchema.safeParse({ entries: [{ requirementId: 'iso27001:A.7.4', applicable: true }] }).success,
    ).toBe(true);
    expect(
      issues(
        soaUpdateSchema.safeParse({ entries: [{ requirementId: 'iso27001:A.7.4', applicable: false }] }),
      ),
    ).toEqual([['entries.0.justification', expect.stringMatching(/excluded control needs a justification/)]]);
  });
});

describe('the entry stays out of the workflows', () => {
  it('is not part of the main (workflow) entry', () => {
    expect(all).not.toHaveProperty('requirementStatusesUpdateSchema');
    const index = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const domain = readFileSync(new URL('./domain.ts', import.meta.url), 'utf8');
    expect(index + domain).not.toMatch(/implementation/);
  });
});
