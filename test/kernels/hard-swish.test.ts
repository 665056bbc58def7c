import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { floatTensor as f32, graphOf, quantTensor as q, runOp } from './elementwise-support.js';

describe('HARD_SWISH', () => {
  it('follows the int8 16-bit fixed-point path (hand-computed)', () => {
    // scales 1/16: output multiplier 0.5 (Q15 16384, exponent -6), reluish 16/3 (21845, exponent 3).
    const out = runOp(
      'HARD_SWISH',
      [q('int8', [5], [64, 0, -64, 16, -16], 1 / 16)],
      q('int8', [5], undefined, 1 / 16),
    );
    expect(out).toEqual([64, 0, 0, 11, -5]);
  });

  it('stays within one step of x * relu6(x + 3) / 6 on every int8 input', () => {
    const xs = Array.from({ length: 256 }, (_, i) => i - 128);
    const out = runOp('HARD_SWISH', [q('int8', [256], xs, 0.05, 5)], q('int8', [256], undefined, 0.03, -20), {
      inPlace: true,
    });
    out.forEach((v, i) => {
      const x = 0.05 * (xs[i] - 5);
      const real = (x * Math.min(6, Math.max(0, x + 3))) / 6;
      expect(Math.abs(v - Math.min(127, Math.max(-128, -20 + real / 0.03)))).toBeLessThanOrEqual(1);
    });
  });

  it('computes float as x * min(6, max(0, x + 3)) / 6 and rejects int16', () => {
    const out = runOp('HARD_SWISH', [f32([-4, -1, 0.5, 4])], f32(undefined, [4]));
    expect(out).toEqual([-0, Math.fround(-2 / 6), Math.fround(1.75 / 6), 4]);
    const t = q('int16', [2], undefined, 1);
    expect(() => new Interpreter(graphOf('HARD_SWISH', [t], t))).toThrow(UnsupportedOperatorError);
  });
});
