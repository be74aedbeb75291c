import { describe, expect, it } from 'vitest';
import { integratedAuditSuggestions } from './integrated-audits.js';
import { scheduleItems } from './schedule-items.js';
import { audit, program } from './schedule.test-data.js';

const today = '2027-01-10';
const options = { today, windowDays: 120, integrationReductionPercent: 20 };
const programs = [
  program('isms', { name: 'ISMS', frameworks: ['iso27001'] }),
  program('aims', { name: 'AIMS', frameworks: ['iso42001'] }),
];
// ISO/IEC 27001 recertification (window from 2027-03-15, certificate expires 2028-03-14) and ISO/IEC 42001
// surveillance 1 (due by 2027-09-30).
const recertification = audit('isms', 'recertification', {
  earliest: '2027-03-15',
  deadline: '2028-03-14',
  scheduled: '2027-10-20',
  plannedDays: 6,
  plannedCost: 8400,
});
const surveillance = audit('aims', 'surveillance1', {
  earliest: '2026-10-01',
  due: '2027-09-30',
  deadline: '2027-09-30',
  plannedDays: 3.5,
  plannedCost: 4900,
});
const suggest = (milestones: Parameters<typeof scheduleItems>[1], p = programs, o = options) =>
  integratedAuditSuggestions(p, scheduleItems(p, milestones), o);

describe('integrated-audit suggestions', () => {
  it('proposes one audit on a day meeting both deadlines, with the days and cost IAF MD 11 allows to save', () => {
    const [s, ...rest] = suggest([recertification, surveillance]);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      id: 'aims:1:surveillance1+isms:1:recertification',
      certificationBody: 'Example CB',
      // The later planned day (2027-10-20) is past surveillance 1's deadline: pulled back to it.
      date: '2027-09-30',
      window: { from: '2027-03-15', to: '2027-09-30' },
      separateDays: 9.5,
      // 9.5 × 0.8 = 7.6, rounded up to the half day.
      combinedDays: 8,
      daysSaved: 1.5,
      appliedReductionPercent: 20,
      capped: false,
      costSaved: 2100,
      currency: 'EUR',
    });
    expect(s!.audits.map((a) => a.audit)).toEqual(['surveillance1', 'recertification']);
  });

  it('caps a claimed integration above 20 % at 20 %', () => {
    const [s] = suggest([recertification, surveillance], programs, {
      ...options,
      integrationReductionPercent: 35,
    });
    expect(s).toMatchObject({ appliedReductionPercent: 20, capped: true, combinedDays: 8, daysSaved: 1.5 });
    const [none] = suggest([recertification, surveillance], programs, {
      ...options,
      integrationReductionPercent: 0,
    });
    expect(none).toMatchObject({ combinedDays: 9.5, daysSaved: 0, costSaved: 0 });
  });

  it('never offers a pair when no day meets both deadlines', () => {
    // Surveillance due one day before the recertification window opens: no common day.
    const early = { ...surveillance, due: '2027-03-14', deadline: '2027-03-14' };
    const spring = { ...recertification, scheduled: '2027-04-01' };
    expect(suggest([spring, early])).toEqual([]);
    // On the opening day itself there is exactly one.
    const [s] = suggest([spring, { ...early, due: '2027-03-15', deadline: '2027-03-15' }]);
    expect(s).toMatchObject({ date: '2027-03-15', window: { from: '2027-03-15', to: '2027-03-15' } });
  });

  it('never proposes a day in the past', () => {
    const overdue = { ...surveillance, due: '2027-01-09', deadline: '2027-01-09' };
    const open = { ...recertification, earliest: '2026-12-01', scheduled: '2027-01-05' };
    expect(suggest([open, overdue])).toEqual([]);
  });

  it('pairs only programs of the same certification body, at most the window apart, not yet combined', () => {
    const other = [programs[0]!, program('aims', { name: 'AIMS', certificationBody: 'Another CB' })];
    expect(suggest([recertification, surveillance], other)).toEqual([]);
    // Planned 2027-10-20 and 2027-06-22: 120 days apart is inside the window, 121 is not.
    const near = { ...surveillance, scheduled: '2027-06-22' };
    expect(suggest([recertification, near])).toHaveLength(1);
    expect(suggest([recertification, { ...near, scheduled: '2027-06-21' }])).toEqual([]);
    const combined = { ...surveillance, scheduled: '2027-09-30' };
    expect(suggest([{ ...recertification, scheduled: '2027-09-30' }, combined])).toEqual([]);
  });

  it('leaves out held audits, internal audits and SOC 2 programs, and prices nothing without known days', () => {
    const held = { ...surveillance, actual: '2027-01-05' };
    expect(suggest([recertification, held])).toEqual([]);
    expect(suggest([recertification, { ...surveillance, kind: 'internal-audit' }])).toEqual([]);
    const soc2 = [programs[0]!, program('aims', { kind: 'SOC2_ATTESTATION' })];
    expect(suggest([recertification, surveillance], soc2)).toEqual([]);
    const [unknown] = suggest([recertification, { ...surveillance, plannedDays: null }]);
    expect(unknown).toMatchObject({ separateDays: null, daysSaved: null, costSaved: null });
  });

  it('gives each audit to its closest partner only', () => {
    const third = program('pims', { name: 'PIMS', frameworks: ['iso42001'] });
    const close = audit('pims', 'surveillance2', {
      earliest: '2027-01-01',
      deadline: '2027-12-31',
      scheduled: '2027-10-25',
      plannedDays: 2,
    });
    const found = suggest([recertification, surveillance, close], [...programs, third]);
    expect(found.map((s) => s.id)).toEqual(['isms:1:recertification+pims:1:surveillance2']);
    expect(found[0]!.date).toBe('2027-10-25');
  });
});
