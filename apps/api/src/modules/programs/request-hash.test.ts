import { describe, expect, it } from 'vitest';

import { requestHash } from './request-hash.js';

describe('requestHash', () => {
  it('ignores key order and undefined fields', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestHash({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }),
    );
  });

  it('tells different bodies apart, including array order', () => {
    expect(requestHash({ frameworks: ['iso27001', 'iso42001'] })).not.toBe(
      requestHash({ frameworks: ['iso42001', 'iso27001'] }),
    );
    expect(requestHash({ name: 'A' })).not.toBe(requestHash({ name: 'B' }));
  });
});
