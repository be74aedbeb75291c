import { describe, expect, it } from 'vitest';
import {
  applyMissedDeadlines,
  type DeadlineTable,
  deadlineWakeUps,
  earliestAfter,
  stageMilestone,
} from './deadline-table.js';

// A toy program: one table drives what a miss does, when to wake and what the next milestone is.
interface Toy {
  stage: 'A' | 'B' | 'C';
  due: string;
  other?: string;
  waived: boolean;
  planned?: string;
  log: string[];
}

const table: DeadlineTable<Toy, Toy['stage']> = {
  A: {
    planned: (t) => ({ kind: 'planned-step', due: t.planned }),
    deadlines: [
      {
        key: 'first',
        milestone: 'first-due',
        due: (t) => t.due,
        pending: (t) => !t.waived,
        onMiss(t, due, today) {
          t.log.push(`first ${due} ${today}`);
          t.stage = 'B';
          return 'stop';
        },
      },
      {
        key: 'second',
        milestone: 'second-due',
        due: (t) => t.other,
        onMiss: (t) => void t.log.push('second'),
      },
    ],
  },
  B: { deadlines: [{ key: 'hidden', due: (t) => t.other, onMiss: (t) => void t.log.push('hidden') }] },
};

const toy = (over: Partial<Toy> = {}): Toy => ({
  stage: 'A',
  due: '2028-02-29',
  waived: false,
  log: [],
  ...over,
});

describe('deadline table', () => {
  it('applies a miss the day after the due date, never on it', () => {
    const t = toy();
    expect(applyMissedDeadlines(table, 'A', t, '2028-02-29')).toBe(false);
    expect(t.log).toEqual([]);
    expect(applyMissedDeadlines(table, 'A', t, '2028-03-01')).toBe(true);
    expect(t.log).toEqual(['first 2028-02-29 2028-03-01']);
  });

  it('stops after a miss that replaced the stage, and skips deadlines that are no longer pending', () => {
    const t = toy({ other: '2028-01-31' });
    applyMissedDeadlines(table, 'A', t, '2028-03-01');
    expect(t.log).toEqual(['first 2028-02-29 2028-03-01']);
    const waived = toy({ other: '2028-01-31', waived: true });
    applyMissedDeadlines(table, 'A', waived, '2028-03-01');
    expect(waived.log).toEqual(['second']);
    expect(applyMissedDeadlines(table, 'C', toy({ stage: 'C' }), '2030-01-01')).toBe(false);
  });

  it('wakes the day after every due date of the stage, pending or not', () => {
    expect(deadlineWakeUps(table, 'A', toy({ other: '2027-12-31', waived: true }))).toEqual([
      '2028-03-01',
      '2028-01-01',
    ]);
    expect(deadlineWakeUps(table, 'C', toy())).toEqual([]);
    expect(earliestAfter('2028-01-01', ['2028-01-01', undefined, '2028-03-01', '2028-01-02'])).toBe(
      '2028-01-02',
    );
    expect(earliestAfter('2028-03-01', ['2028-03-01'])).toBeUndefined();
  });

  it('shows the planned step first, then the first deadline with a milestone', () => {
    expect(stageMilestone(table, 'A', toy({ planned: '2028-01-15' }))).toEqual({
      kind: 'planned-step',
      due: '2028-01-15',
    });
    expect(stageMilestone(table, 'A', toy())).toEqual({ kind: 'first-due', due: '2028-02-29' });
    expect(stageMilestone(table, 'B', toy({ other: '2028-05-01' }))).toBeNull();
    expect(stageMilestone(table, 'C', toy())).toBeNull();
  });
});
