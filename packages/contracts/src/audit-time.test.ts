import { describe, expect, it } from 'vitest';
import {
  aiRoleGroup,
  auditDaysFrom,
  combinedAuditDays,
  iso27001AuditTimeTable,
  iso27001TableDays,
  iso42001TableDays,
  quotedAuditDaysSchema,
} from './audit-time.js';

// ISO/IEC 27006-1:2024 Table C.1 as in domain-facts §8.2: [first persons, last persons, days].
const tableC1: [number, number, number][] = [
  [1, 10, 5],
  [11, 15, 6],
  [16, 25, 7],
  [26, 45, 8.5],
  [46, 65, 10],
  [66, 85, 11],
  [86, 125, 12],
  [126, 175, 13],
  [176, 275, 14],
  [276, 425, 15],
  [426, 625, 16.5],
  [626, 875, 17.5],
  [876, 1175, 18.5],
  [1176, 1550, 19.5],
  [1551, 2025, 21],
  [2026, 2675, 22],
  [2676, 3450, 23],
  [3451, 4350, 24],
  [4351, 5450, 25],
  [5451, 6800, 26],
  [6801, 8500, 27],
  [8501, 10700, 28],
];

describe('ISO/IEC 27001 initial audit time (27006-1 Table C.1)', () => {
  it.each(tableC1)('%i–%i persons: %d days at both ends of the band', (first, last, days) => {
    for (const persons of [first, last]) {
      const lookup = iso27001TableDays(persons);
      expect(lookup, String(persons)).toMatchObject({ known: true, days });
    }
    // The day after the band is the next row's.
    if (last < 10700) expect(iso27001TableDays(last + 1)).not.toMatchObject({ days });
  });

  it('marks the rows from 2,676 persons as not checked against the standard', () => {
    expect(iso27001TableDays(2675)).toMatchObject({ verified: true });
    expect(iso27001TableDays(2676)).toMatchObject({ verified: false });
    expect(iso27001AuditTimeTable.filter((r) => r.verified)).toHaveLength(16);
  });

  it('has no figure past 10,700 persons: the certification body must quote', () => {
    expect(iso27001TableDays(10700)).toMatchObject({ known: true, days: 28 });
    const beyond = iso27001TableDays(10701);
    expect(beyond.known).toBe(false);
    expect(!beyond.known && beyond.reason).toMatch(/10701 or more persons.*quoted/);
  });

  it('refuses person counts that are not whole and positive', () => {
    expect(() => iso27001TableDays(0)).toThrow(RangeError);
    expect(() => iso27001TableDays(12.5)).toThrow(RangeError);
  });
});

describe('ISO/IEC 42001 audit time (42006)', () => {
  it('knows the 1–10 row by AI role and marks the rest unknown', () => {
    expect(iso42001TableDays(1, ['producer'])).toMatchObject({ known: true, days: 5 });
    expect(iso42001TableDays(10, ['user'])).toMatchObject({ known: true, days: 3.5 });
    expect(iso42001TableDays(10, ['developer'])).toMatchObject({ known: true, days: 3.5 });
    expect(iso42001TableDays(10, ['provider', 'user'])).toMatchObject({ known: true, days: 6.5 });
    const eleven = iso42001TableDays(11, ['producer']);
    expect(eleven.known).toBe(false);
    expect(!eleven.known && eleven.reason).toMatch(/11 or more AI-related persons/);
  });

  it('groups roles: producer, any other single role, or several roles', () => {
    expect(aiRoleGroup(['producer'])).toBe('producer');
    expect(aiRoleGroup(['provider'])).toBe('developer-provider-user');
    expect(aiRoleGroup(['producer', 'user'])).toBe('multiple-roles');
    expect(aiRoleGroup(['user', 'user'])).toBe('developer-provider-user');
    expect(() => iso42001TableDays(5, [])).toThrow(RangeError);
  });

  it('lets the days the certification body quoted win, also where the table has no row', () => {
    const quoted = auditDaysFrom(iso42001TableDays(40, ['producer']), { quoted: { initial: 9 } });
    expect(quoted).toMatchObject({
      known: true,
      basis: 'quote',
      tableDays: null,
      initial: 9,
      stage1: 3,
      stage2: 6,
    });
    const over = auditDaysFrom(iso42001TableDays(4, ['producer']), {
      quoted: { initial: 4.5, surveillance: 1.25 },
    });
    expect(over).toMatchObject({ basis: 'quote', tableDays: 5, initial: 4.5, surveillance: 1.25 });
    expect(quotedAuditDaysSchema.safeParse({ initial: 2.3 }).success).toBe(false);
    expect(quotedAuditDaysSchema.safeParse({ initial: 2.25 }).success).toBe(true);
  });
});

describe('derived audit days (rounded up to half days)', () => {
  it('splits Stage 1 / Stage 2 and derives surveillance (1/3) and recertification (2/3)', () => {
    expect(auditDaysFrom(iso27001TableDays(10))).toEqual({
      known: true,
      basis: 'table',
      tableDays: 5,
      notes: [],
      initial: 5,
      stage1: 1.5,
      stage2: 3.5,
      surveillance: 2,
      recertification: 3.5,
    });
    expect(auditDaysFrom(iso27001TableDays(100))).toMatchObject({
      initial: 12,
      stage1: 4,
      stage2: 8,
      surveillance: 4,
      recertification: 8,
    });
    expect(auditDaysFrom(iso27001TableDays(30), { stage1SharePercent: 50 })).toMatchObject({
      initial: 8.5,
      stage1: 4.5,
      stage2: 4,
      surveillance: 3,
      recertification: 6,
    });
  });

  it('applies the complexity adjustment from −30 % to +100 %, recording its reason', () => {
    const low = auditDaysFrom(iso27001TableDays(10), {
      adjustment: { percent: -30, reason: 'one site, SaaS only' },
    });
    expect(low).toMatchObject({ initial: 3.5, tableDays: 5 });
    expect(low.known && low.notes).toEqual(['complexity -30%: one site, SaaS only']);
    const high = auditDaysFrom(iso27001TableDays(26), {
      adjustment: { percent: 100, reason: 'critical infrastructure' },
    });
    expect(high).toMatchObject({ initial: 17, surveillance: 6, recertification: 11.5 });
    expect(auditDaysFrom(iso27001TableDays(26), { adjustment: { percent: 10, reason: 'x' } })).toMatchObject({
      initial: 9.5, // 8.5 × 1.1 = 9.35, rounded up to the half day
    });
  });

  it('reports an unknown figure instead of guessing', () => {
    expect(auditDaysFrom(iso27001TableDays(20000))).toMatchObject({ known: false });
  });
});

describe('combined audits (IAF MD 11)', () => {
  it('sums the separate times and reduces them by the stated integration', () => {
    expect(combinedAuditDays([5, 5], 10)).toEqual({
      summedDays: 10,
      requestedReductionPercent: 10,
      appliedReductionPercent: 10,
      capped: false,
      days: 9,
    });
    expect(combinedAuditDays([8.5, 3.5], 0)).toMatchObject({ summedDays: 12, days: 12 });
  });

  it('never reduces by more than 20 %', () => {
    expect(combinedAuditDays([5, 5], 20)).toMatchObject({
      appliedReductionPercent: 20,
      capped: false,
      days: 8,
    });
    expect(combinedAuditDays([5, 5], 21)).toMatchObject({
      appliedReductionPercent: 20,
      capped: true,
      days: 8,
    });
    expect(combinedAuditDays([12, 6.5], 40)).toMatchObject({ summedDays: 18.5, capped: true, days: 15 });
  });

  it('rounds up to the half day and leaves a single standard alone', () => {
    expect(combinedAuditDays([5, 3.5], 15)).toMatchObject({ days: 7.5 }); // 8.5 × 0.85 = 7.225
    expect(combinedAuditDays([5], 20)).toMatchObject({ appliedReductionPercent: 0, capped: false, days: 5 });
    expect(() => combinedAuditDays([5, 5], -5)).toThrow(RangeError);
  });
});

describe('audit time: what the figures say about themselves', () => {
  it('names the band, the row and the reason', () => {
    const last = iso27001AuditTimeTable.at(-1)!;
    const beyond = iso27001TableDays(last.minPersons + 5);
    expect(beyond).toEqual({
      known: false,
      reason: `ISO/IEC 27006-1 Table C.1 gives no figure we hold for ${last.minPersons} or more persons; enter the days the certification body quoted.`,
    });
    const row = iso27001AuditTimeTable.find((r) => r.minPersons <= 100 && 100 <= (r.maxPersons ?? Infinity))!;
    expect(iso27001TableDays(100)).toEqual({
      known: true,
      days: row.days,
      row: { minPersons: row.minPersons, maxPersons: row.maxPersons },
      verified: true,
    });
    expect(iso42001TableDays(8, ['producer'])).toMatchObject({
      known: true,
      row: { minPersons: 1, maxPersons: 10 },
    });
    expect(iso42001TableDays(11, ['producer'])).toEqual({
      known: false,
      reason:
        'The ISO/IEC 42006 audit-time figure for 11 or more AI-related persons is not in our table; enter the days the certification body quoted.',
    });
    expect(() => iso27001TableDays(0)).toThrow(
      new RangeError('persons must be a whole number of at least 1 (got 0)'),
    );
    expect(() => iso42001TableDays(5, [])).toThrow(new RangeError('at least one AI role is needed'));
    expect(() => combinedAuditDays([2, 3], -5)).toThrow(
      new RangeError('the integration reduction is a whole, non-negative percentage'),
    );
  });

  it('notes a quote, a complexity adjustment with its sign, and none of 0 %', () => {
    expect(auditDaysFrom(iso27001TableDays(100), { quoted: { initial: 10 } })).toMatchObject({
      basis: 'quote',
      notes: ['initial time as quoted by the certification body'],
    });
    const reason = 'Several sites and outsourced development';
    expect(auditDaysFrom(iso27001TableDays(100), { adjustment: { percent: 20, reason } })).toMatchObject({
      notes: [`complexity +20%: ${reason}`],
    });
    expect(auditDaysFrom(iso27001TableDays(100), { adjustment: { percent: -30, reason } })).toMatchObject({
      notes: [`complexity -30%: ${reason}`],
    });
    expect(auditDaysFrom(iso27001TableDays(100), { adjustment: { percent: 0, reason } })).toMatchObject({
      notes: [],
    });
  });

  it('takes each quoted figure over the derived one', () => {
    expect(auditDaysFrom(iso27001TableDays(100), { quoted: { recertification: 7.25 } })).toMatchObject({
      initial: 12,
      surveillance: 4,
      recertification: 7.25,
    });
  });

  it('never reports a single standard as capped, whatever reduction was asked', () => {
    expect(combinedAuditDays([5], 30)).toEqual({
      summedDays: 5,
      requestedReductionPercent: 30,
      appliedReductionPercent: 0,
      capped: false,
      days: 5,
    });
  });
});
