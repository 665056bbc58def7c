import { describe, expect, it } from 'vitest';
import { formatSecureSineLine } from '../../src/demo/sine-trustzone.js';

describe('formatSecureSineLine', () => {
  it('prefixes the secure count to the model, Math.sin and the deviation', () => {
    const line = { degrees: 30, model: 0.4573, math: 0.5, deviation: 0.0427 };
    expect(formatSecureSineLine({ ...line, instructions: 3550 })).toBe(
      '[secure] inference 3,550 instructions   Model: sine of 30 deg is 0.4573   Math: 0.5000   Deviation: 0.0427',
    );
    expect(formatSecureSineLine({ ...line, instructions: null })).toMatch(
      /^\[secure\] inference ok {3}Model:/,
    );
  });
});
