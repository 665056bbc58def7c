import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const axes = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });
const m = { dtype: 'int8' as const, shape: [2, 3], values: iota(6) };
const out = [{ dtype: 'int8' as const, shape: [2, 3] }];

describe('REVERSE_V2', () => {
  it('reverses one axis, negative axes counted from the end', () => {
    expect(runOp('REVERSE_V2', [m, axes([-1])], out)[0]).toEqual([2, 1, 0, 5, 4, 3]);
    expect(runOp('REVERSE_V2', [m, axes([0])], out)[0]).toEqual([3, 4, 5, 0, 1, 2]);
  });

  it('reverses several axes, contiguous or not', () => {
    expect(runOp('REVERSE_V2', [m, axes([0, 1])], out)[0]).toEqual([5, 4, 3, 2, 1, 0]);
    const cube = { dtype: 'float32' as const, shape: [2, 2, 2], values: iota(8) };
    expect(runOp('REVERSE_V2', [cube, axes([0, 2])], [{ dtype: 'float32', shape: [2, 2, 2] }])[0]).toEqual([
      5, 4, 7, 6, 1, 0, 3, 2,
    ]);
  });

  it('rejects an axis out of range', () => {
    expect(() => prepareOp('REVERSE_V2', [m, axes([2])], out)).toThrow(KernelPrepareError);
  });
});
