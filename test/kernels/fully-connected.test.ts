import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { opInterpreter, randomFloats, randomInts, runOp, type T } from './fc-group-support.js';

const options = (act = 'NONE') => ({ fusedActivationFunction: act, weightsFormat: 'DEFAULT' });

/** filter [[1,2],[3,-4]] (scale 0.25), bias [10, -3] (scale 0.125), input scale 0.5. */
function int8Case(input: number[], outScale: number, outZp: number, act = 'NONE'): number[] {
  return runOp(
    'FULLY_CONNECTED',
    [
      { dtype: 'int8', shape: [1, 2], quant: { scale: 0.5, zeroPoint: 0 } },
      { dtype: 'int8', shape: [2, 2], values: [1, 2, 3, -4], quant: { scale: 0.25 } },
      { dtype: 'int32', shape: [2], values: [10, -3], quant: { scale: 0.125 } },
    ],
    { dtype: 'int8', shape: [1, 2], quant: { scale: outScale, zeroPoint: outZp } },
    [input],
    options(act),
  );
}

describe('FULLY_CONNECTED int8', () => {
  it('computes a hand-checked case (accumulators 7 and 8, multiplier 1.25, zero point -3)', () => {
    // 7 * 1.25 = 8.75 -> 9; 8 * 1.25 = 10.
    expect(int8Case([1, -2], 0.1, -3)).toEqual([6, 7]);
  });

  it('clamps to the fused activation ranges', () => {
    // Accumulators 7 and -12: real outputs 0.875 and -1.5, i.e. 9 and -15 steps of 0.1.
    expect(int8Case([-3, 0], 0.1, 0)).toEqual([9, -15]);
    expect(int8Case([-3, 0], 0.1, 0, 'RELU')).toEqual([9, 0]);
    expect(int8Case([-3, 0], 0.1, 0, 'RELU_N1_TO_1')).toEqual([9, -10]);
    expect(int8Case([-3, 0], 0.04, 0, 'RELU6')).toEqual([22, 0]);
  });

  it('saturates at the int8 limits', () => {
    // 875 and 1000 steps above -128.
    expect(int8Case([1, -2], 0.001, -128)).toEqual([127, 127]);
    expect(int8Case([-3, 0], 0.001, 127)).toEqual([127, -128]);
  });

  it('applies the input zero point and a per-tensor filter zero point', () => {
    const out = runOp(
      'FULLY_CONNECTED',
      [
        { dtype: 'int8', shape: [1, 2], quant: { scale: 1, zeroPoint: -128 } },
        { dtype: 'int8', shape: [1, 2], values: [3, 2], quant: { scale: 1, zeroPoint: 1 } },
        null,
      ],
      { dtype: 'int8', shape: [1, 1], quant: { scale: 1, zeroPoint: 0 } },
      [[-127, -126]],
      options(),
    );
    // (3 - 1) * (-127 + 128) + (2 - 1) * (-126 + 128) = 4.
    expect(out).toEqual([4]);
  });

  it('uses one multiplier per output channel and ignores the filter zero point then', () => {
    const out = runOp(
      'FULLY_CONNECTED',
      [
        { dtype: 'int8', shape: [1, 2], quant: { scale: 1, zeroPoint: 0 } },
        { dtype: 'int8', shape: [2, 2], values: [3, 0, 0, 3], quant: { scale: [1, 2], zeroPoint: [0, 0] } },
        null,
      ],
      { dtype: 'int8', shape: [1, 2], quant: { scale: 4, zeroPoint: 0 } },
      [[5, -5]],
      options(),
    );
    // channel 0: 15 / 4 = 3.75 -> 4; channel 1: -15 * 2 / 4 = -7.5 -> -7 (the doubling high-mul
    // rounds ties up).
    expect(out).toEqual([4, -7]);
  });

  it('handles several batches and keeps the last dimension as the output depth', () => {
    const out = runOp(
      'FULLY_CONNECTED',
      [
        { dtype: 'int8', shape: [3, 2], quant: { scale: 1, zeroPoint: 0 } },
        { dtype: 'int8', shape: [1, 2], values: [1, -1], quant: { scale: 1 } },
        { dtype: 'int32', shape: [1], values: [100], quant: { scale: 1 } },
      ],
      { dtype: 'int8', shape: [3, 1], quant: { scale: 1, zeroPoint: 0 } },
      [[1, 2, 30, 3, -5, 5]],
      options(),
    );
    expect(out).toEqual([99, 127, 90]);
  });
});

describe('FULLY_CONNECTED 16x8', () => {
  function int16Case(bias: T | null): number[] {
    return runOp(
      'FULLY_CONNECTED',
      [
        { dtype: 'int16', shape: [1, 1], quant: { scale: 1, zeroPoint: 0 } },
        { dtype: 'int8', shape: [1, 1], values: [1], quant: { scale: 1 } },
        bias,
      ],
      { dtype: 'int16', shape: [1, 1], quant: { scale: 4, zeroPoint: 0 } },
      [[-6]],
      options(),
    );
  }

  it('rounds -1.5 up with an int64 bias (16-bit multiplier) and away from zero otherwise', () => {
    expect(int16Case({ dtype: 'int64', shape: [1], values: [0], quant: { scale: 1 } })).toEqual([-1]);
    expect(int16Case({ dtype: 'int32', shape: [1], values: [0], quant: { scale: 1 } })).toEqual([-2]);
    expect(int16Case(null)).toEqual([-2]);
  });

  it('accumulates beyond 16 bits and saturates at the int16 limits', () => {
    const out = runOp(
      'FULLY_CONNECTED',
      [
        { dtype: 'int16', shape: [1, 3], quant: { scale: 1, zeroPoint: 0 } },
        { dtype: 'int8', shape: [2, 3], values: [127, 127, 127, 1, -1, 1], quant: { scale: 1 } },
        { dtype: 'int64', shape: [2], values: [0, 5], quant: { scale: 1 } },
      ],
      { dtype: 'int16', shape: [1, 2], quant: { scale: 1, zeroPoint: 0 } },
      [[32767, 32767, -100]],
      options(),
    );
    // Row 0 sums to about 8.3e6; row 1 to 32767 - 32767 - 100 + 5.
    expect(out).toEqual([32767, -95]);
  });

  it('rejects non-zero int16 zero points', () => {
    expect(() =>
      opInterpreter(
        'FULLY_CONNECTED',
        [
          { dtype: 'int16', shape: [1, 1], quant: { scale: 1, zeroPoint: 3 } },
          { dtype: 'int8', shape: [1, 1], values: [1], quant: { scale: 1 } },
          null,
        ],
        { dtype: 'int16', shape: [1, 1], quant: { scale: 1, zeroPoint: 0 } },
        options(),
      ),
    ).toThrow(KernelPrepareError);
  });
});

describe('FULLY_CONNECTED float32', () => {
  it('matches a single-precision reference that accumulates in order', () => {
    const [batches, depth, units] = [2, 7, 3];
    const x = randomFloats(batches * depth, -2, 2, 1);
    const w = randomFloats(units * depth, -1, 1, 2);
    const bias = randomFloats(units, -1, 1, 3);
    const out = runOp(
      'FULLY_CONNECTED',
      [
        { dtype: 'float32', shape: [batches, depth] },
        { dtype: 'float32', shape: [units, depth], values: w },
        { dtype: 'float32', shape: [units], values: bias },
      ],
      { dtype: 'float32', shape: [batches, units] },
      [x],
      options('RELU'),
    );
    const f = Math.fround;
    const expected: number[] = [];
    for (let b = 0; b < batches; b++)
      for (let u = 0; u < units; u++) {
        let total = 0;
        for (let d = 0; d < depth; d++) total = f(total + f(x[b * depth + d] * w[u * depth + d]));
        expected.push(Math.max(0, f(total + bias[u])));
      }
    expect(out).toEqual(expected);
  });
});

describe('FULLY_CONNECTED configuration errors', () => {
  const input: T = { dtype: 'int8', shape: [1, 4], quant: { scale: 1, zeroPoint: 0 } };
  const filter: T = { dtype: 'int8', shape: [2, 4], values: randomInts(8, -5, 5, 4), quant: { scale: 1 } };
  const output: T = { dtype: 'int8', shape: [1, 2], quant: { scale: 1, zeroPoint: 0 } };

  it('reports a float filter with int8 input as unsupported', () => {
    const floatFilter: T = { dtype: 'float32', shape: [2, 4], values: randomFloats(8, -1, 1, 5) };
    expect(() => opInterpreter('FULLY_CONNECTED', [input, floatFilter, null], output, options())).toThrow(
      UnsupportedOperatorError,
    );
  });

  it('fails when the input does not hold whole rows of the filter depth', () => {
    const bad: T = { dtype: 'int8', shape: [1, 5], quant: { scale: 1, zeroPoint: 0 } };
    expect(() => opInterpreter('FULLY_CONNECTED', [bad, filter, null], output, options())).toThrow(
      KernelPrepareError,
    );
  });

  it('fails when the bias scale is not input scale * filter scale', () => {
    const bias: T = { dtype: 'int32', shape: [2], values: [0, 0], quant: { scale: 0.5 } };
    expect(() => opInterpreter('FULLY_CONNECTED', [input, filter, bias], output, options())).toThrow(
      KernelPrepareError,
    );
  });

  it('fails when input and output dtypes differ', () => {
    const out16: T = { dtype: 'int16', shape: [1, 2], quant: { scale: 1, zeroPoint: 0 } };
    expect(() => opInterpreter('FULLY_CONNECTED', [input, filter, null], out16, options())).toThrow(
      KernelPrepareError,
    );
  });
});
