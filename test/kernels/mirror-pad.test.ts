import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const paddings = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length / 2, 2], data });
const v = { dtype: 'int8' as const, shape: [3], values: [1, 2, 3] };

describe('MIRROR_PAD', () => {
  it('reflects without repeating the edge', () => {
    expect(
      runOp('MIRROR_PAD', [v, paddings([2, 2])], [{ dtype: 'int8', shape: [7] }], { mode: 'REFLECT' })[0],
    ).toEqual([3, 2, 1, 2, 3, 2, 1]);
  });

  it('mirrors symmetrically, repeating the edge', () => {
    const out = runOp('MIRROR_PAD', [v, paddings([2, 2])], [{ dtype: 'int8', shape: [7] }], {
      mode: 'SYMMETRIC',
    });
    expect(out[0]).toEqual([2, 1, 1, 2, 3, 3, 2]);
  });

  it('pads each axis of a float32 matrix', () => {
    const m = { dtype: 'float32' as const, shape: [2, 2], values: [1, 2, 3, 4] };
    const out = runOp('MIRROR_PAD', [m, paddings([1, 0, 0, 1])], [{ dtype: 'float32', shape: [3, 3] }], {
      mode: 'REFLECT',
    });
    expect(out[0]).toEqual([3, 4, 3, 1, 2, 1, 3, 4, 3]);
  });

  it('rejects paddings too large for the mode and a wrong output shape', () => {
    const out = (n: number) => [{ dtype: 'int8' as const, shape: [n] }];
    expect(() => prepareOp('MIRROR_PAD', [v, paddings([3, 0])], out(6), { mode: 'REFLECT' })).toThrow(
      /do not fit/,
    );
    expect(() => prepareOp('MIRROR_PAD', [v, paddings([1, 0])], out(5), { mode: 'REFLECT' })).toThrow(
      KernelPrepareError,
    );
  });
});
