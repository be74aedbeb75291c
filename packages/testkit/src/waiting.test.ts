import { describe, expect, it } from 'vitest';
import { eventually, shiftYears, StopWaiting, utcToday, yearShift } from './waiting.js';

describe('eventually', () => {
  it('returns the first value that is neither undefined nor false', async () => {
    let calls = 0;
    const value = await eventually('the third call', () => (++calls === 3 ? { calls } : undefined), {
      intervalMs: 1,
    });
    expect(value).toEqual({ calls: 3 });
    expect(await eventually('a truthy check', () => calls > 0, { intervalMs: 1 })).toBe(true);
  });

  it('treats a throwing probe as not yet, and names what never happened with the last error', async () => {
    let calls = 0;
    const error = await eventually(
      () => `the server after ${calls} tries`,
      () => {
        calls++;
        throw new Error('connection refused');
      },
      { timeoutMs: 30, intervalMs: 5 },
    ).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^Timed out after 30 ms waiting for the server after \d+ tries \(last error: connection refused\)$/,
    );
    expect(calls).toBeGreaterThan(1);
  });
});

describe('StopWaiting', () => {
  it('ends the wait at once with its own message', async () => {
    let calls = 0;
    const error = await eventually('a process that died', () => {
      calls++;
      throw new StopWaiting('the worker exited with code 1');
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(StopWaiting);
    expect(error.message).toBe('the worker exited with code 1');
    expect(calls).toBe(1);
  });
});

describe('utcToday', () => {
  it('is the UTC day, at once when midnight is not near', async () => {
    const noon = Date.UTC(2027, 11, 31, 12);
    expect(await utcToday({ now: () => noon })).toBe('2027-12-31');
  });

  it('waits for the new day within the margin before midnight UTC', async () => {
    const now = Date.UTC(2027, 11, 31, 23, 59, 59, 990);
    const started = Date.now();
    const today = utcToday({ marginMs: 60_000, now: () => now + (Date.now() - started) });
    expect(await today).toBe('2028-01-01');
  });
});

describe('yearShift', () => {
  it('moves a calendar ahead of now in steps of four years, keeping 29 February a day', () => {
    const now = Date.UTC(2026, 10, 30);
    expect(yearShift(now, '2026-12-01')).toBe(0);
    expect(yearShift(now, '2026-11-30')).toBe(4);
    expect(yearShift(now, '2040-01-10')).toBe(-12);
    expect(yearShift(Date.UTC(2031, 0, 1), '2028-02-29')).toBe(4);
    expect(shiftYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(shiftYears('2040-03-01', -12)).toBe('2028-03-01');
  });
});
