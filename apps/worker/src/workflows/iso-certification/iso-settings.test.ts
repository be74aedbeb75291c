import { beforeEach, describe, expect, it } from 'vitest';
import {
  actor,
  at,
  certified,
  inRecertification,
  justification,
  newProgram,
  payloads,
  rejects,
  resetIds,
} from '../../../test/support/iso-rules.js';

beforeEach(() => {
  resetIds();
});

const terms = { currency: 'EUR', dayRate: 1400, feePerAudit: 250, annualFee: 600, initialFee: 900 };

describe('ISO program: audit days and planned cost', () => {
  it('plans every certification-body audit of the cycle from the persons in scope and the CB terms', () => {
    const p = newProgram({ settings: { personsInScope: 100, terms } });
    const plan = p.snapshot().auditPlan!;
    expect(plan.audits.map((a) => [a.audit, a.days, a.cost])).toEqual([
      ['stage1', 4, 4 * 1400 + 250],
      ['stage2', 8, 8 * 1400 + 250],
      ['surveillance1', 4, 4 * 1400 + 250],
      ['surveillance2', 4, 4 * 1400 + 250],
      ['recertification', 8, 8 * 1400 + 250],
    ]);
    expect(plan).toMatchObject({
      currency: 'EUR',
      totalDays: 28,
      totalCost: 28 * 1400 + 5 * 250 + 900 + 1800,
    });
  });

  it('moves only the figures of audits not yet held when the persons in scope change', () => {
    const p = newProgram({ settings: { personsInScope: 100, terms } });
    at('2026-07-01');
    p.applyCompleteGapAssessment({ actor, completedOn: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'internal-audit', lastDay: '2026-07-01' });
    p.applyRecordAuditOutcome({ actor, audit: 'management-review', lastDay: '2026-07-01' });
    p.applyScheduleAudit({ actor, audit: 'stage1', date: '2026-07-14' });
    at('2026-07-14');
    p.applyRecordAuditOutcome({ actor, audit: 'stage1', lastDay: '2026-07-14' });
    expect(p.state.audits.stage1?.planned).toEqual({ days: 4, cost: 5850 });
    p.applyChangeSettings({
      actor,
      settings: { personsInScope: 300 },
      reason: 'Acquisition of a subsidiary',
    });
    expect(payloads(p, 'settings.changed')).toEqual([
      {
        reason: 'Acquisition of a subsidiary',
        changed: ['personsInScope'],
        from: { personsInScope: 100 },
        to: { personsInScope: 300 },
      },
    ]);
    const plan = p.snapshot().auditPlan!;
    // 276–425 persons: 15 days initial; Stage 1 (30 %) 4.5, so Stage 2 is 10.5; Stage 1 keeps its 4 days.
    expect(plan.audits.map((a) => [a.audit, a.days, a.held])).toEqual([
      ['stage1', 4, true],
      ['stage2', 10.5, false],
      ['surveillance1', 5, false],
      ['surveillance2', 5, false],
      ['recertification', 10, false],
    ]);
  });

  it('combines an integrated ISMS + AIMS audit, capping the integration reduction at 20 %', () => {
    const p = newProgram({
      frameworks: ['iso27001', 'iso42001'],
      settings: {
        personsInScope: 40,
        aiPersonsInScope: 6,
        aiRoles: ['producer'],
        integrationReductionPercent: 30,
        integrationReason: 'One management system, one internal audit programme',
        terms,
      },
    });
    const plan = p.snapshot().auditPlan!;
    // Stage 1: 27001 (26–45 persons, 8.5 days) 30 % = 2.55 → 3; 42001 (producer, 5 days) → 1.5; 4.5 less 20 % = 3.6 → 4.
    expect(plan.audits.find((a) => a.audit === 'stage1')).toMatchObject({ days: 4 });
    expect(plan.audits[0]?.notes.at(-1)).toBe(
      'combined audit: 4.5 days less 20% for integration (30% asked; IAF MD 11 allows at most 20%)',
    );
  });

  it("needs the certification body's quote where the ISO/IEC 42006 table has no figure; the quote wins", () => {
    const p = newProgram({
      frameworks: ['iso42001'],
      settings: { aiPersonsInScope: 40, aiRoles: ['developer'] },
    });
    expect(p.snapshot().auditPlan).toMatchObject({ totalDays: null, totalCost: null, currency: null });
    at('2026-06-02');
    p.applyChangeSettings({
      actor,
      settings: { quotedDays: { iso42001: { initial: 9 } }, terms },
      reason: 'Quote EX-2026-118 received',
    });
    expect(p.snapshot().auditPlan).toMatchObject({ totalDays: 9 + 3 + 3 + 6, currency: 'EUR' });
  });

  it('rejects changes that change nothing or leave the integration unexplained', () => {
    const p = newProgram({ settings: { personsInScope: 100 } });
    rejects(
      () => p.checkChangeSettings({ actor, settings: { personsInScope: 100 }, reason: 'no change' }),
      /already in place/,
    );
    rejects(
      () =>
        p.checkChangeSettings({ actor, settings: { integrationReductionPercent: 10 }, reason: 'integrated' }),
      /Give the reason for the integration reduction/,
    );
    rejects(
      () => p.checkChangeSettings({ actor, settings: {}, reason: 'nothing' }),
      /name at least one setting/,
    );
    rejects(
      () => p.checkChangeSettings({ actor, settings: { personsInScope: 0 }, reason: 'typo' }),
      /Invalid input: settings\.personsInScope/,
    );
    p.applyChangeSettings({ actor, settings: { personsInScope: null }, reason: 'recount pending' });
    expect(p.state.settings?.personsInScope).toBeUndefined();
    p.applyEndProgram({ actor, reason: 'not pursued' });
    rejects(
      () => p.checkChangeSettings({ actor, settings: { personsInScope: 5 }, reason: 'x' + 'yz' }),
      /has ended/,
    );
  });

  it('keeps the other settings when one changes', () => {
    const p = newProgram({ settings: { personsInScope: 100, terms } });
    at('2026-06-02');
    p.applyChangeSettings({ actor, settings: { personsInScope: 120 }, reason: 'Hiring' });
    expect(p.settings).toMatchObject({ personsInScope: 120, terms });
  });

  it('plans the surveillance of the certified standards while another is being added, and the added one apart', () => {
    const settings = { personsInScope: 100, aiPersonsInScope: 6, aiRoles: ['producer' as const], terms };
    const p = certified({ settings });
    const before = p.snapshot().auditPlan!.audits.find((a) => a.audit === 'surveillance1');
    expect(before).toMatchObject({ days: 4 });
    at('2027-01-10');
    p.applyChangeScope({ actor, frameworks: ['iso27001', 'iso42001'], justification });
    const plan = p.snapshot().auditPlan!;
    expect(plan.audits.find((a) => a.audit === 'surveillance1')).toMatchObject({ days: 4 });
    expect(plan.audits.map((a) => a.audit)).toEqual([
      'stage1',
      'stage2',
      'surveillance1',
      'surveillance2',
      'recertification',
      'extension-stage1',
      'extension-stage2',
    ]);
  });

  it('plans Stage 1 and Stage 2 in the first cycle only', () => {
    const p = inRecertification({ settings: { personsInScope: 100, terms } });
    expect(p.snapshot().auditPlan!.audits.map((a) => [a.audit, a.held])).toEqual([
      ['stage1', true],
      ['stage2', true],
      ['surveillance1', true],
      ['surveillance2', true],
      ['recertification', false],
    ]);
    expect(p.snapshot().auditPlan!.fees.map((f) => f.label)).toContain('initial fee');
    at('2028-11-01');
    p.applyScheduleAudit({ actor, audit: 'recertification', date: '2028-11-20' });
    at('2028-11-21');
    p.applyRecordAuditOutcome({ actor, audit: 'recertification', lastDay: '2028-11-21' });
    at('2028-12-01');
    p.applyRecordCertificationDecision({ actor, decidedOn: '2028-12-01' });
    const plan = p.snapshot().auditPlan!;
    expect(plan.audits.map((a) => [a.audit, a.held])).toEqual([
      ['surveillance1', false],
      ['surveillance2', false],
      ['recertification', false],
    ]);
    expect(plan.fees.map((f) => f.label)).not.toContain('initial fee');
  });
});
