import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, quantTensor as q, randomInts, runOp } from './elementwise-support.js';

describe('MUL int8 / int16', () => {
  it('multiplies exactly when the multiplier is one, saturating', () => {
    const out = runOp(
      'MUL',
      [q('int8', [5], [3, -4, 127, -128, 0], 0.5), q('int8', [5], [5, 6, 2, -1, 100], 0.5)],
      q('int8', [5], undefined, 0.25),
    );
    expect(out).toEqual([15, -24, 127, 127, 0]);
  });

  it('rounds like SaturatingRoundingDoublingHighMul (ties upward) and offsets zero points', () => {
    // real multiplier 0.5: 3 * 1 -> 1.5 -> 2, -3 * 1 -> -1.5 -> -1.
    const out = runOp(
      'MUL',
      [q('int8', [2], [3, -3], 0.5), q('int8', [2], [1, 1], 0.5)],
      q('int8', [2], undefined, 0.5),
    );
    expect(out).toEqual([2, -1]);
    const zp = runOp(
      'MUL',
      [q('int8', [3], [-128, -127, 127], 0.5, -128), q('int8', [3], [127, 127, -128], 0.5, 127)],
      q('int8', [3], undefined, 0.25, 127),
    );
    // a' = [0, 1, 255], b' = [0, 0, -255] -> products 0, 0, -65025 -> + 127, saturated.
    expect(zp).toEqual([127, 127, -128]);
  });

  it('broadcasts int16 with a fused RELU, also in place', () => {
    const ins = [q('int16', [2, 2], [100, -100, 300, -300], 2 ** -8), q('int16', [2, 1], [2, -3], 2 ** -8)];
    const expected = [100, 0, 0, 450];
    const opts = { options: { fusedActivationFunction: 'RELU' as const } };
    expect(runOp('MUL', ins, q('int16', [2, 2], undefined, 2 ** -15), opts)).toEqual(expected);
    expect(runOp('MUL', ins, q('int16', [2, 2], undefined, 2 ** -15), { ...opts, inPlace: true })).toEqual(
      expected,
    );
  });

  it('stays within one step of the real product on random int8 data', () => {
    const a = randomInts(50, -128, 127, 7);
    const b = randomInts(50, -128, 127, 8);
    const out = runOp(
      'MUL',
      [q('int8', [50], a, 0.02, 3), q('int8', [50], b, 0.03, -2)],
      q('int8', [50], undefined, 0.05, 1),
    );
    out.forEach((v, i) => {
      const real = 0.02 * (a[i] - 3) * 0.03 * (b[i] + 2);
      expect(Math.abs(v - Math.min(127, Math.max(-128, 1 + real / 0.05)))).toBeLessThanOrEqual(1);
    });
  });
});

describe('MUL float32 / int32', () => {
  it('multiplies floats in single precision and int32 with wrap-around', () => {
    const f = runOp(
      'MUL',
      [
        { dtype: 'float32', shape: [3], values: [0.1, -2, 3] },
        { dtype: 'float32', shape: [], values: [0.3], constant: true },
      ],
      { dtype: 'float32', shape: [3] },
    );
    expect(f).toEqual([0.1, -2, 3].map((x) => Math.fround(Math.fround(x) * Math.fround(0.3))));
    const i = runOp(
      'MUL',
      [
        { dtype: 'int32', shape: [3], values: [65536, -7, 3] },
        { dtype: 'int32', shape: [3], values: [65536, 3, 4] },
      ],
      { dtype: 'int32', shape: [3] },
      { options: { fusedActivationFunction: 'RELU6' } },
    );
    expect(i).toEqual([0, 0, 6]);
  });
});

describe('MUL prepare errors', () => {
  it('needs zero points of 0 for int16 and limits quantized broadcasts to 4D', () => {
    const g = graphOf(
      'MUL',
      [q('int16', [2], undefined, 1, 1), q('int16', [2], undefined, 1)],
      q('int16', [2], undefined, 1),
    );
    expect(() => new Interpreter(g)).toThrow(KernelPrepareError);
    const five = graphOf(
      'MUL',
      [q('int8', [2, 1, 1, 1, 3], undefined, 1), q('int8', [3], undefined, 1)],
      q('int8', [2, 1, 1, 1, 3], undefined, 1),
    );
    expect(() => new Interpreter(five)).toThrow(UnsupportedOperatorError);
  });
});
