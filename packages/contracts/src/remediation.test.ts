import { describe, expect, it } from 'vitest';
import {
  findingInputSchema,
  remediationTaskInputSchema,
  requirementLinksOf,
  requirementRefSchema,
} from './remediation.js';

describe('requirement ids', () => {
  it('accept only ids that exist in the catalog, naming the unknown one', () => {
    expect(requirementRefSchema.safeParse('iso27001:A.5.15').success).toBe(true);
    expect(requirementRefSchema.safeParse('soc2:CC6.1').success).toBe(true);
    const unknown = requirementRefSchema.safeParse('iso27001:A.5.99');
    expect(unknown.error?.issues[0]?.message).toBe('iso27001:A.5.99 is not a requirement in the catalog');
    const malformed = requirementRefSchema.safeParse('A.5.15');
    expect(malformed.error?.issues[0]?.message).toMatch(/A\.5\.15 is not a catalog requirement id/);
  });

  it('point at the failing entry of a task or finding', () => {
    const task = remediationTaskInputSchema.safeParse({
      title: 'Review access',
      ownerEmail: 'it@acme.test',
      dueDate: '2027-05-01',
      requirementIds: ['iso27001:A.5.18', 'iso27001:A.5.188'],
    });
    expect(task.error?.issues[0]).toMatchObject({
      path: ['requirementIds', 1],
      message: 'iso27001:A.5.188 is not a requirement in the catalog',
    });
    expect(
      findingInputSchema.safeParse({ severity: 'MINOR', description: 'x', requirementIds: ['soc2:CC99.1'] })
        .success,
    ).toBe(false);
  });
});

describe('crosswalk links of a task', () => {
  it('link a SOC 2 access criterion to the ISO/IEC 27001 access-control controls, with the relation', () => {
    expect(requirementLinksOf(['soc2:CC6.2'])).toEqual([
      { from: 'soc2:CC6.2', to: 'iso27001:A.5.9', relation: 'intersect', crosswalk: 'soc2-iso27001' },
      { from: 'soc2:CC6.2', to: 'iso27001:A.5.15', relation: 'intersect', crosswalk: 'soc2-iso27001' },
      { from: 'soc2:CC6.2', to: 'iso27001:A.5.18', relation: 'intersect', crosswalk: 'soc2-iso27001' },
    ]);
  });

  it("list each target once and never one of the task's own requirements", () => {
    const links = requirementLinksOf(['soc2:CC6.2', 'soc2:CC6.3', 'iso27001:A.5.15']);
    const targets = links.map((l) => l.to);
    expect(new Set(targets).size).toBe(targets.length);
    expect(targets).not.toContain('iso27001:A.5.15');
    expect(targets).not.toContain('soc2:CC6.2');
    expect(requirementLinksOf([])).toEqual([]);
  });
});
