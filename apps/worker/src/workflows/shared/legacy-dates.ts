import { addDays, addMonths, type CalendarDate, firstDayOfYear, minDate, yearOf } from '@certflow/contracts';

/**
 * Month arithmetic of runs recorded before `month-window-convention` (shared/patches.ts): "N months after X" was
 * X + N months clamped to the month end, and a suspension ran through since + N months. Kept only so those runs
 * replay and finish as they started; delete together with the patch.
 */
export const legacyDates = {
  monthsAfter: (event: CalendarDate, months: number): CalendarDate => addMonths(event, months),
  suspensionLastDay: (since: CalendarDate, months: number): CalendarDate => addMonths(since, months),
  periodEnd: (start: CalendarDate, months: number): CalendarDate => addDays(addMonths(start, months), -1),
  // Clamped, 12 months after 31 December is the next 31 December: like today's rule, no calendar-year cap needed.
  surveillance2Window(s1: CalendarDate, expiry: CalendarDate, intervalMonths: number) {
    return {
      earliest: firstDayOfYear(yearOf(s1) + 1),
      due: minDate(addMonths(s1, intervalMonths), expiry),
    };
  },
};
