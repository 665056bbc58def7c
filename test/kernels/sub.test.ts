import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, quantTensor as q, runOp } from './elementwise-support.js';

describe('SUB', () => {
  it('subtracts int8 with rounding half away from zero and zero points', () => {
    // s1 = s2 = 0.5, so = 1: out = zp + round((a' - b') / 2).
    const out = runOp(
      'SUB',
      [q('int8', [5], [10, -3, 127, -128, 0], 0.5, 1), q('int8', [5], [5, 0, -128, 127, 0], 0.5, -1)],
      q('int8', [5], undefined, 1, 2),
    );
    // a' = [9, -4, 126, -129, -1], b' = [6, 1, -127, 128, 1]
    expect(out).toEqual([2 + 2, 2 - 3, 127, 2 - 129, 2 - 1]);
  });

  it('subtracts a broadcast int16 vector, also in place', () => {
    const a = [100, -100, 32767, -32768, 7, 8];
    const ins = [q('int16', [1, 2, 3], a, 2 ** -10), q('int16', [3], [1, 2, -3], 2 ** -10)];
    const expected = [50, -51, 16385, -16385, 3, 6]; // round((a - b) / 2)
    expect(runOp('SUB', ins, q('int16', [1, 2, 3], undefined, 2 ** -9))).toEqual(expected);
    expect(runOp('SUB', ins, q('int16', [1, 2, 3], undefined, 2 ** -9), { inPlace: true })).toEqual(expected);
  });

  it('applies the fused activation to int32 (unlike ADD) and subtracts floats', () => {
    const int32 = runOp(
      'SUB',
      [
        { dtype: 'int32', shape: [3], values: [5, 1, -2147483648] },
        { dtype: 'int32', shape: [3], values: [3, 4, 1] },
      ],
      { dtype: 'int32', shape: [3] },
      { options: { fusedActivationFunction: 'RELU' } },
    );
    expect(int32).toEqual([2, 0, 2147483647]);
    const f = runOp(
      'SUB',
      [
        { dtype: 'float32', shape: [2, 2], values: [1, 2, 3, 4] },
        { dtype: 'float32', shape: [2, 1], values: [0.5, 5] },
      ],
      { dtype: 'float32', shape: [2, 2] },
      { options: { fusedActivationFunction: 'RELU_N1_TO_1' } },
    );
    expect(f).toEqual([0.5, 1, -1, -1]);
  });

  it('fails when the output multiplier is not below one (TFLM aborts there)', () => {
    const g = graphOf(
      'SUB',
      [q('int8', [2], undefined, 1), q('int8', [2], undefined, 1)],
      q('int8', [2], undefined, 1e-7),
    );
    expect(() => new Interpreter(g)).toThrow(KernelPrepareError);
  });
});
