export const CLOCK = Symbol('CLOCK');

/** The one source of "now" for sessions, throttles, invitations and grants, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The UTC calendar day of an instant, `YYYY-MM-DD` (ADR 0007: calendar days are UTC). */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` day as the Date Prisma reads and writes for `@db.Date` columns. */
export function dateOnly(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
