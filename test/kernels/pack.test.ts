import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const vec = (values: number[]) => ({ dtype: 'int8' as const, shape: [2], values });

describe('PACK', () => {
  it('stacks along a new leading axis', () => {
    const out = runOp('PACK', [vec([1, 2]), vec([3, 4]), vec([5, 6])], [{ dtype: 'int8', shape: [3, 2] }], {
      valuesCount: 3,
      axis: 0,
    });
    expect(out[0]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stacks along a new last axis (negative axis counts on the output rank)', () => {
    const out = runOp('PACK', [vec([1, 2]), vec([3, 4]), vec([5, 6])], [{ dtype: 'int8', shape: [2, 3] }], {
      valuesCount: 3,
      axis: -1,
    });
    expect(out[0]).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('moves float32, int16 and int64', () => {
    const f = (v: number) => ({ dtype: 'float32' as const, shape: [1], values: [v] });
    expect(
      runOp('PACK', [f(0.5), f(-3)], [{ dtype: 'float32', shape: [2, 1] }], { valuesCount: 2, axis: 0 })[0],
    ).toEqual([0.5, -3]);
    const s = { dtype: 'int16' as const, shape: [2], values: [-1, 1] };
    expect(runOp('PACK', [s], [{ dtype: 'int16', shape: [2, 1] }], { valuesCount: 1, axis: 1 })[0]).toEqual([
      -1, 1,
    ]);
    const l = { dtype: 'int64' as const, shape: [1], data: [2 ** 50] };
    expect(
      runOp('PACK', [l, l], [{ dtype: 'int64', shape: [2, 1] }], { valuesCount: 2, axis: 0 })[0],
    ).toEqual([2 ** 50, 2 ** 50]);
  });

  it('rejects a values_count that is not the input count and differing input shapes', () => {
    expect(() =>
      prepareOp('PACK', [vec([1, 2]), vec([3, 4])], [{ dtype: 'int8', shape: [2, 2] }], {
        valuesCount: 3,
        axis: 0,
      }),
    ).toThrow(KernelPrepareError);
    const three = { dtype: 'int8' as const, shape: [3], values: [1, 2, 3] };
    expect(() =>
      prepareOp('PACK', [vec([1, 2]), three], [{ dtype: 'int8', shape: [2, 2] }], {
        valuesCount: 2,
        axis: 0,
      }),
    ).toThrow(KernelPrepareError);
  });
});
