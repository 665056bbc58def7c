import { describe, expect, it } from 'vitest';
import { iota, prepareOp, runOp } from './shape-support.js';

const scalar = (v: number) => ({ dtype: 'int32' as const, shape: [], data: [v] });
const vec = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

describe('SPLIT_V', () => {
  it('cuts parts of the given sizes, -1 taking the rest', () => {
    const input = { dtype: 'int8' as const, shape: [3, 2], values: iota(6) };
    const outs = [
      { dtype: 'int8' as const, shape: [1, 2] },
      { dtype: 'int8' as const, shape: [2, 2] },
    ];
    expect(runOp('SPLIT_V', [input, vec([1, -1]), scalar(0)], outs, { numSplits: 2 })).toEqual([
      [0, 1],
      [2, 3, 4, 5],
    ]);
    const cols = [
      { dtype: 'int8' as const, shape: [3, 1] },
      { dtype: 'int8' as const, shape: [3, 1] },
    ];
    expect(runOp('SPLIT_V', [input, vec([1, 1]), scalar(-1)], cols, { numSplits: 2 })).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ]);
  });

  it('rejects size_splits that disagree with the outputs', () => {
    const input = { dtype: 'int8' as const, shape: [3], values: iota(3) };
    const outs = [
      { dtype: 'int8' as const, shape: [1] },
      { dtype: 'int8' as const, shape: [2] },
    ];
    expect(() => prepareOp('SPLIT_V', [input, vec([2, 1]), scalar(0)], outs, { numSplits: 2 })).toThrow(
      /size_splits/,
    );
  });
});
