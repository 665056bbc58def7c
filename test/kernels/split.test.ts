import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const scalar = (v: number) => ({ dtype: 'int32' as const, shape: [], data: [v] });

describe('SPLIT', () => {
  it('cuts equal parts along an inner axis', () => {
    const input = { dtype: 'int8' as const, shape: [2, 4], values: iota(8) };
    const outs = [0, 1].map(() => ({ dtype: 'int8' as const, shape: [2, 2] }));
    expect(runOp('SPLIT', [scalar(1), input], outs, { numSplits: 2 })).toEqual([
      [0, 1, 4, 5],
      [2, 3, 6, 7],
    ]);
  });

  it('accepts a negative axis and moves float32, int16 and int32', () => {
    const f = { dtype: 'float32' as const, shape: [3, 1], values: [0.5, 1.5, 2.5] };
    const fo = [0, 1, 2].map(() => ({ dtype: 'float32' as const, shape: [1, 1] }));
    expect(runOp('SPLIT', [scalar(-2), f], fo, { numSplits: 3 })).toEqual([[0.5], [1.5], [2.5]]);
    const s = { dtype: 'int16' as const, shape: [2], values: [-2, 2] };
    const so = [0, 1].map(() => ({ dtype: 'int16' as const, shape: [1] }));
    expect(runOp('SPLIT', [scalar(0), s], so, { numSplits: 2 })).toEqual([[-2], [2]]);
    const i = { dtype: 'int32' as const, shape: [2], values: [-2, 2] };
    expect(runOp('SPLIT', [scalar(0), i], [{ dtype: 'int32', shape: [2] }], { numSplits: 1 })).toEqual([
      [-2, 2],
    ]);
  });

  it('rejects unequal parts and a num_splits that is not the output count', () => {
    const input = { dtype: 'int8' as const, shape: [3], values: iota(3) };
    const outs = [
      { dtype: 'int8' as const, shape: [1] },
      { dtype: 'int8' as const, shape: [2] },
    ];
    expect(() => prepareOp('SPLIT', [scalar(0), input], outs, { numSplits: 2 })).toThrow(/equal parts/);
    expect(() => prepareOp('SPLIT', [scalar(0), input], outs, { numSplits: 3 })).toThrow(KernelPrepareError);
  });

  it('reports a computed axis as unsupported', () => {
    const input = { dtype: 'int8' as const, shape: [2], values: iota(2) };
    const axis = { dtype: 'int32' as const, shape: [], values: [0] };
    const outs = [0, 1].map(() => ({ dtype: 'int8' as const, shape: [1] }));
    expect(() => prepareOp('SPLIT', [axis, input], outs, { numSplits: 2 })).toThrow(UnsupportedOperatorError);
  });
});
