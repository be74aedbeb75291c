import { describe, expect, it } from 'vitest';

import { formatCalendarDate, frameworksForKind, humanize, milestoneLabel, stageLabel } from './labels';

describe('frameworksForKind', () => {
  it('offers the certifiable ISO standards for an ISO certification and SOC 2 for an attestation', () => {
    expect(
      frameworksForKind('ISO_CERTIFICATION')
        .map((f) => f.value)
        .sort(),
    ).toEqual(['iso27001', 'iso42001']);
    expect(frameworksForKind('SOC2_ATTESTATION').map((f) => f.value)).toEqual(['soc2']);
  });
});

describe('labels', () => {
  it('names known stages and milestones and humanizes unknown codes', () => {
    expect(stageLabel('GAP_ASSESSMENT')).toBe('Gap assessment');
    expect(stageLabel('OBSERVATION')).toBe('Observation period');
    expect(stageLabel('SOME_NEW_STAGE')).toBe('Some new stage');
    expect(milestoneLabel('gap-assessment-due')).toBe('Gap assessment due');
    expect(humanize('overdue-tasks:2')).toBe('Overdue tasks:2');
  });

  // The process time zone is set explicitly (Node applies a change of TZ at once): west of UTC a date parsed as
  // UTC midnight would show the day before, east of it a local date read back in UTC the day after.
  it.each(['America/Los_Angeles', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', 'UTC'])(
    'formats a calendar date without shifting it, with the process in %s',
    (zone) => {
      const before = process.env.TZ;
      process.env.TZ = zone;
      try {
        expect(formatCalendarDate('2027-01-01')).toContain('2027');
        expect(formatCalendarDate('2027-01-01')).toMatch(/\b1\b/);
        expect(formatCalendarDate('2028-02-29')).toMatch(/\b29\b/);
        expect(formatCalendarDate('2027-12-31')).toMatch(/\b31\b.*2027|2027.*\b31\b/);
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    },
  );
});
