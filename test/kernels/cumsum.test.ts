import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const axis = (v: number) => ({ dtype: 'int32' as const, shape: [1], data: [v] });
const x = [1, 2, 3, 4, 5, 6, 7, 8];

function cumsum(a: number, opts: { exclusive?: boolean; reverse?: boolean } = {}) {
  return runOp(
    'CUMSUM',
    [{ dtype: 'float32', shape: [2, 4], values: x }, axis(a)],
    [{ dtype: 'float32', shape: [2, 4] }],
    { exclusive: false, reverse: false, ...opts },
  ).outputs[0];
}

describe('CUMSUM float32 (TFLM cumsum_test data)', () => {
  it('accumulates along either axis', () => {
    expect(cumsum(1)).toEqual([1, 3, 6, 10, 5, 11, 18, 26]);
    expect(cumsum(0)).toEqual([1, 2, 3, 4, 6, 8, 10, 12]);
  });

  it('supports reverse, exclusive and both', () => {
    expect(cumsum(1, { reverse: true })).toEqual([10, 9, 7, 4, 26, 21, 15, 8]);
    expect(cumsum(1, { exclusive: true })).toEqual([0, 1, 3, 6, 0, 5, 11, 18]);
    expect(cumsum(-1, { exclusive: true, reverse: true })).toEqual([9, 7, 4, 0, 21, 15, 8, 0]);
  });

  it('accumulates in single precision', () => {
    const { outputs } = runOp(
      'CUMSUM',
      [{ dtype: 'float32', shape: [3], values: [16777216, 1, 1] }, axis(0)],
      [{ dtype: 'float32', shape: [3] }],
    );
    expect(outputs[0]).toEqual([16777216, 16777216, 16777216]);
  });
});

describe('CUMSUM int8', () => {
  const run = (zeroPoint: number, values: number[], opts = {}) =>
    runOp(
      'CUMSUM',
      [{ dtype: 'int8', shape: [3], values, quant: { scale: 1, zeroPoint } }, axis(0)],
      [{ dtype: 'int8', shape: [3], quant: { scale: 1, zeroPoint: 0 } }],
      { exclusive: false, reverse: false, ...opts },
    ).outputs[0];

  it('sums through the 20-bit rescaling exactly for zero point 0', () => {
    expect(run(0, [1, 2, 3])).toEqual([1, 3, 6]);
    expect(run(0, [1, 2, 3], { exclusive: true, reverse: true })).toEqual([5, 3, 0]);
    expect(run(0, [100, 100, -100])).toEqual([100, 127, 100]);
  });

  it('starts the accumulator at the scaled -zero point, as TFLM does', () => {
    // zero point 2: real inputs 1, 2, 3; TFLM's accumulator begins at -2.
    expect(run(2, [3, 4, 5])).toEqual([-1, 1, 4]);
  });

  it('rejects a bad axis or shape and reports int16 as unsupported', () => {
    const f = { dtype: 'float32' as const, shape: [2], values: [1, 2] };
    expect(prepareError('CUMSUM', [f, axis(1)], [{ dtype: 'float32', shape: [2] }])).toBeInstanceOf(
      KernelPrepareError,
    );
    expect(prepareError('CUMSUM', [f, axis(0)], [{ dtype: 'float32', shape: [1, 2] }])).toBeInstanceOf(
      KernelPrepareError,
    );
    const q = { scale: 1 };
    const e = prepareError(
      'CUMSUM',
      [{ dtype: 'int16', shape: [2], values: [1, 2], quant: q }, axis(0)],
      [{ dtype: 'int16', shape: [2], quant: q }],
    );
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});
