/**
 * Time in tests that must stay steady on a busy 2-core machine, without Temporal (also for the browser tests):
 * - `eventually`: the one polling helper, with a deadline long enough for a loaded machine and a message that says
 *   what never happened;
 * - `utcToday`: "today" for tests against real clocks, from one place and safe across midnight UTC;
 * - `yearShift`/`shiftYears`: hand-checked calendars moved ahead of the time-skipping server's clock (which starts
 *   at the real now) instead of hard-coded future years.
 */

export interface EventuallyOptions {
  /** How long to keep trying (default 60 s, generous for a loaded 2-core box; keep it under the test's timeout). */
  timeoutMs?: number;
  /** Pause between tries (default 100 ms). */
  intervalMs?: number;
}

/** Thrown by a probe when waiting longer cannot help (the process it waits for has died): `eventually` stops. */
export class StopWaiting extends Error {}

/**
 * Calls `probe` until it returns something other than `undefined` or `false`, and returns that. A probe that
 * throws counts as "not yet" (a server still starting); its last error is part of the timeout message. A
 * `StopWaiting` error ends the wait at once.
 */
export async function eventually<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 60_000, intervalMs = 100 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      if (error instanceof StopWaiting) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const description = typeof what === 'function' ? what() : what;
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const DAY_MS = 86_400_000;

/**
 * The UTC day the test runs in, from one place. A test that compares its "today" with the server's must not
 * straddle midnight UTC: within `marginMs` (default 90 s; longer than the steps that compare days) of midnight, this waits
 * for the new day first.
 */
export async function utcToday({ marginMs = 90_000, now = () => Date.now() } = {}): Promise<string> {
  const untilMidnight = DAY_MS - (now() % DAY_MS);
  if (untilMidnight <= marginMs) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));
  return new Date(now()).toISOString().slice(0, 10);
}

/**
 * Whole years, in steps of four so that leap years stay where they were, by which a calendar written for the
 * years from `firstDay` on must move so that `firstDay` is still ahead of `nowMs` (possibly backwards, to keep
 * the dates near: a test written for 2040 runs in 2028 while that is ahead).
 */
export function yearShift(nowMs: number, firstDay: string): number {
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  const at = (shift: number) => Date.UTC(y + shift, m - 1, d);
  let shift = 0;
  while (at(shift - 4) > nowMs) shift -= 4;
  while (at(shift) <= nowMs) shift += 4;
  return shift;
}

/** Moves a `YYYY-MM-DD` day by `shift` years (from `yearShift`, so 29 February stays a day). */
export function shiftYears(date: string, shift: number): string {
  return `${String(Number(date.slice(0, 4)) + shift).padStart(4, '0')}${date.slice(4)}`;
}
