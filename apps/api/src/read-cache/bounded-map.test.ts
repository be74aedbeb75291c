import { describe, expect, it } from 'vitest';

import { BoundedMap } from './bounded-map.js';

describe('BoundedMap', () => {
  it('forgets the least recently used entries once the budget is exceeded', () => {
    const map = new BoundedMap<string>(3);
    map.set('a', 'A');
    map.set('b', 'B');
    map.set('c', 'C');
    expect(map.get('a')).toBe('A'); // a is now the most recently used
    map.set('d', 'D');
    expect(map.get('b')).toBeUndefined();
    expect([map.get('a'), map.get('c'), map.get('d')]).toEqual(['A', 'C', 'D']);
    expect(map.size).toBe(3);
  });

  it('weighs entries, replaces a key without counting it twice, and refuses one heavier than the largest', () => {
    const map = new BoundedMap<string>(100, (value) => value.length, 25);
    map.set('x', 'x'.repeat(20));
    map.set('x', 'x'.repeat(10));
    expect(map.weight).toBe(10);
    map.set('huge', 'h'.repeat(26));
    expect(map.get('huge')).toBeUndefined();
    expect(map.weight).toBe(10);
    for (const key of ['p', 'q', 'r', 's']) map.set(key, key.repeat(25));
    // 10 + 4 × 25 = 110 > 100: the oldest (x) goes first, and nothing else.
    expect(map.get('x')).toBeUndefined();
    expect(map.weight).toBe(100);
    map.delete('p');
    map.clear();
    expect([map.size, map.weight]).toEqual([0, 0]);
  });
});
