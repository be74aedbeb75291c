import { describe, expect, it } from 'vitest';
import { decidePatches } from './patch-gate.js';

describe('patches decided when a run starts', () => {
  it('asks once per run-start patch, in order, and then answers from memory', () => {
    const asked: string[] = [];
    const patched = (id: string) => {
      asked.push(id);
      return id !== 'old';
    };
    const isPatched = decidePatches(['a', 'old'], patched);
    expect(asked).toEqual(['a', 'old']);
    expect(isPatched('a')).toBe(true);
    expect(isPatched('old')).toBe(false);
    expect(isPatched('a')).toBe(true);
    expect(asked).toEqual(['a', 'old']);
    // Patches decided where the behaviour changes are still asked there.
    expect(isPatched('lazy')).toBe(true);
    expect(asked).toEqual(['a', 'old', 'lazy']);
  });
});
