import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  auditPayloads,
  continueAsNew,
  newProgram,
  ready,
  rejects,
  resetIds,
  throughFirstReport,
  tickOn,
} from '../../../test/support/soc2-rules.js';
import { soc2Patches } from './patches.js';

beforeEach(() => {
  resetIds();
});

const terms = { currency: 'USD', dayRate: 2200, feePerAudit: 4000, annualFee: 1200 };

describe('SOC 2 program: planned fieldwork days and cost', () => {
  it("prices the period from the CPA firm's terms and freezes the figures once fieldwork is done", () => {
    const p = newProgram({ settings: { fieldworkDays: 8, terms } });
    ready(p);
    expect(p.snapshot().auditPlan).toMatchObject({
      currency: 'USD',
      audits: [{ audit: 'fieldwork-1', days: 8, cost: 8 * 2200 + 4000, held: false }],
      fees: [{ label: 'annual fee × 12/12', amount: 1200 }],
      totalCost: 8 * 2200 + 4000 + 1200,
    });
    tickOn(p, '2028-01-05');
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    p.applyChangeSettings({ actor, settings: { fieldworkDays: 10 }, reason: 'Scope grew to Availability' });
    expect(auditPayloads(p, 'settings.changed')).toEqual([
      {
        reason: 'Scope grew to Availability',
        changed: ['fieldworkDays'],
        from: { fieldworkDays: 8 },
        to: { fieldworkDays: 10 },
      },
    ]);
    expect(p.snapshot().auditPlan?.audits[0]).toMatchObject({ days: 8, held: true });
    rejects(
      () => p.checkChangeSettings({ actor, settings: { fieldworkDays: 10 }, reason: 'again' }),
      /already in place/,
    );
  });
});

describe('SOC 2 program: what the plan counts', () => {
  const fieldworkDone = (p: ReturnType<typeof newProgram>) => {
    ready(p);
    tickOn(p, '2028-01-05');
    p.applyScheduleFieldwork({ actor, startsOn: '2028-01-10' });
    at('2028-01-20');
    p.applyCompleteFieldwork({ actor, lastDay: '2028-01-20' });
    return p.state.period?.planned;
  };

  it('freezes a cost only when both the days and the terms are known', () => {
    expect(fieldworkDone(newProgram({ settings: { fieldworkDays: 8, terms } }))).toEqual({
      days: 8,
      cost: 8 * 2200 + 4000,
    });
    expect(fieldworkDone(newProgram({ settings: { fieldworkDays: 8 } }))).toEqual({ days: 8, cost: null });
    expect(fieldworkDone(newProgram({ settings: { terms } }))).toEqual({ days: null, cost: null });
  });

  it('charges the initial fee for the first engagement only, and plans a Type I until it is reported', () => {
    const withFee = { ...terms, initialFee: 5000 };
    const p = newProgram({ settings: { fieldworkDays: 8, typeIDays: 3, terms: withFee } });
    ready(p);
    expect(p.snapshot().auditPlan?.fees.map((f) => f.label)).toEqual(['initial fee', 'annual fee × 12/12']);
    p.applyScheduleTypeI({ actor, asOf: '2026-12-31' });
    expect(p.snapshot().auditPlan?.audits.map((a) => a.audit)).toEqual(['type1', 'fieldwork-1']);
    at('2027-01-20');
    p.applyRecordReport({ actor, reportType: 'TYPE1', issuedOn: '2027-01-20', opinion: 'UNMODIFIED' });
    const afterTypeI = p.snapshot().auditPlan!;
    expect(afterTypeI.audits.map((a) => a.audit)).toEqual(['fieldwork-1']);
    expect(afterTypeI.fees.map((f) => f.label)).toEqual(['initial fee', 'annual fee × 12/12']);

    const second = newProgram({ settings: { fieldworkDays: 8, terms: withFee } });
    throughFirstReport(second);
    expect(second.state.period?.number).toBe(2);
    expect(second.snapshot().auditPlan?.fees.map((f) => f.label)).toEqual(['annual fee × 12/12']);

    const midstream = newProgram({
      startDate: '2027-05-03',
      currentPeriod: { start: '2027-01-01', end: '2027-12-31' },
      settings: { fieldworkDays: 8, terms: withFee },
    });
    expect(midstream.snapshot().auditPlan?.fees.map((f) => f.label)).toEqual(['annual fee × 12/12']);
  });

  it('drops a setting set to null, and refuses changes once the program has ended', () => {
    const p = newProgram({ settings: { fieldworkDays: 8, terms } });
    p.applyChangeSettings({ actor, settings: { fieldworkDays: null }, reason: 'Quote withdrawn' });
    expect(Object.keys(p.settings)).toEqual(['terms']);
    p.applyEndProgram({ actor, reason: 'Not pursued' });
    rejects(
      () => p.checkChangeSettings({ actor, settings: { fieldworkDays: 5 }, reason: 'too late' }),
      /^The program has ended\.$/,
    );
  });
});

describe('SOC 2 program: control exceptions linked to the other frameworks', () => {
  it('links an exception on an access criterion to the ISO/IEC 27001 access-control controls', () => {
    const p = newProgram();
    ready(p);
    tickOn(p, '2027-03-01');
    p.applyRecordControlException({
      actor,
      observedOn: '2027-03-01',
      description: 'Leaver accounts not removed within 24 hours',
      requirementIds: ['soc2:CC6.2'],
    });
    const exception = p.state.exceptions[0]!;
    expect(exception.links).toEqual([
      { from: 'soc2:CC6.2', to: 'iso27001:A.5.9', relation: 'intersect', crosswalk: 'soc2-iso27001' },
      { from: 'soc2:CC6.2', to: 'iso27001:A.5.15', relation: 'intersect', crosswalk: 'soc2-iso27001' },
      { from: 'soc2:CC6.2', to: 'iso27001:A.5.18', relation: 'intersect', crosswalk: 'soc2-iso27001' },
    ]);
    expect(p.state.tasks.find((t) => t.id === exception.taskId)?.links).toEqual(exception.links);
    rejects(
      () =>
        p.checkRecordControlException({
          actor,
          observedOn: '2027-03-01',
          description: 'x',
          requirementIds: ['soc2:CC6.9'],
        }),
      /requirementIds\.0: soc2:CC6\.9 is not a requirement in the catalog/,
    );
  });
});

describe('SOC 2 bridge letters in runs recorded before they were capped at their issue date', () => {
  it('still count the days the letter named', () => {
    const legacy = (id: string) => id !== soc2Patches.bridgeLetterToIssueDate;
    const p1 = newProgram({}, legacy);
    throughFirstReport(p1);
    const p = continueAsNew(p1, legacy);
    p.applyIssueBridgeLetter({ actor, issuedOn: '2028-02-20', coversTo: '2028-03-31' });
    at('2028-04-01');
    expect(p.snapshot().coverage.segments[1]).toEqual({
      kind: 'bridged',
      from: '2028-01-01',
      to: '2028-03-31',
    });
  });
});
