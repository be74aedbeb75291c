import type { Clock } from '../../src/common/clock.js';

/** A clock the test moves by hand, so session lifetimes, limits and grant windows are tested without waiting. */
export class TestClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(instant: Date): void {
    this.current = instant.getTime();
  }
}
