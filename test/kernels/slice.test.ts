import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const vec = (data: number[], dtype: 'int32' | 'int64' = 'int32') => ({ dtype, shape: [data.length], data });
const input = { dtype: 'int8' as const, shape: [3, 4], values: iota(12) };

describe('SLICE', () => {
  it('takes a block, size -1 meaning the rest of the dimension', () => {
    expect(runOp('SLICE', [input, vec([1, 1]), vec([2, -1])], [{ dtype: 'int8', shape: [2, 3] }])[0]).toEqual(
      [5, 6, 7, 9, 10, 11],
    );
  });

  it('accepts int64 begin/size and moves float32 and int16', () => {
    const f = { dtype: 'float32' as const, shape: [4], values: [0.5, 1.5, 2.5, 3.5] };
    const out = runOp('SLICE', [f, vec([2], 'int64'), vec([2], 'int64')], [{ dtype: 'float32', shape: [2] }]);
    expect(out[0]).toEqual([2.5, 3.5]);
    const s = { dtype: 'int16' as const, shape: [2, 1, 2], values: [-1, -2, -3, -4] };
    expect(
      runOp('SLICE', [s, vec([1, 0, 1]), vec([1, 1, 1])], [{ dtype: 'int16', shape: [1, 1, 1] }])[0],
    ).toEqual([-4]);
  });

  it('rejects a begin past the dimension, a size that overruns it and a wrong output shape', () => {
    const out = (shape: number[]) => [{ dtype: 'int8' as const, shape }];
    expect(() => prepareOp('SLICE', [input, vec([4, 0]), vec([0, 1])], out([0, 1]))).toThrow(/out of range/);
    expect(() => prepareOp('SLICE', [input, vec([2, 0]), vec([2, 1])], out([2, 1]))).toThrow(/does not fit/);
    expect(() => prepareOp('SLICE', [input, vec([0, 0]), vec([1, 1])], out([1, 2]))).toThrow(
      KernelPrepareError,
    );
  });
});
