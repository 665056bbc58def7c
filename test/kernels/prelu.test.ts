import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, quantTensor as q, runOp, type TensorDef } from './elementwise-support.js';

describe('PRELU', () => {
  it('scales negative int8 inputs by a broadcast alpha (hand-computed)', () => {
    // s_in = 0.5, s_alpha = 0.25, s_out = 0.5; alpha 2 -> 0.5: -3 * 0.5 = -1.5 -> -2.
    const out = runOp(
      'PRELU',
      [q('int8', [4], [4, -4, -3, 127], 0.5), { ...q('int8', [1], [2], 0.25), constant: true }],
      q('int8', [4], undefined, 0.5),
    );
    expect(out).toEqual([4, -2, -2, 127]);
  });

  it('applies per-channel alphas, zero points and int16 inputs, in place', () => {
    const out = runOp(
      'PRELU',
      [q('int8', [2, 2], [10, 0, 4, 2], 1, 6), { ...q('int8', [2], [4, -4], 0.25), constant: true }],
      q('int8', [2, 2], undefined, 1, -1),
      { inPlace: true },
    );
    // x' = [4, -6, -2, -4]; alpha = [1, -1] -> [4, 6, -2, 4] - 1
    expect(out).toEqual([3, 5, -3, 3]);
    const i16 = runOp(
      'PRELU',
      [q('int16', [2], [-1000, 1000], 2 ** -10), { ...q('int8', [1], [64], 2 ** -7), constant: true }],
      q('int16', [2], undefined, 2 ** -10),
    );
    expect(i16).toEqual([-500, 1000]);
  });

  it('computes float32 and checks dtypes and ranks', () => {
    const f = runOp(
      'PRELU',
      [
        { dtype: 'float32', shape: [3], values: [-2, 0, 3] },
        { dtype: 'float32', shape: [3], values: [0.25, 9, 9] },
      ],
      { dtype: 'float32', shape: [3] },
    );
    expect(f).toEqual([-0.5, 0, 3]);
    const bad = graphOf(
      'PRELU',
      [q('int16', [2], undefined, 1), q('int16', [2], undefined, 1)],
      q('int16', [2], undefined, 1),
    );
    expect(() => new Interpreter(bad)).toThrow(KernelPrepareError);
    const five: TensorDef = { dtype: 'float32', shape: [1, 1, 1, 1, 2] };
    expect(() => new Interpreter(graphOf('PRELU', [five, five], five))).toThrow(UnsupportedOperatorError);
  });
});
