import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const ints = (shape: number[], data: number[]) => ({ dtype: 'int32' as const, shape, data });
const block22 = ints([2], [2, 2]);

describe('BATCH_TO_SPACE_ND', () => {
  it('interleaves the batches of a 2x2 block into space', () => {
    const input = { dtype: 'int8' as const, shape: [4, 2, 2, 1], values: iota(16, 1) };
    const out = runOp(
      'BATCH_TO_SPACE_ND',
      [input, block22, ints([2, 2], [0, 0, 0, 0])],
      [{ dtype: 'int8', shape: [1, 4, 4, 1] }],
    );
    expect(out[0]).toEqual([1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16]);
  });

  it('crops columns', () => {
    const input = { dtype: 'float32' as const, shape: [4, 2, 2, 1], values: iota(16, 1) };
    const out = runOp(
      'BATCH_TO_SPACE_ND',
      [input, block22, ints([2, 2], [0, 0, 1, 1])],
      [{ dtype: 'float32', shape: [1, 4, 2, 1] }],
    );
    expect(out[0]).toEqual([5, 2, 13, 10, 7, 4, 15, 12]);
  });

  it('handles 3-D NHC input', () => {
    const input = { dtype: 'int8' as const, shape: [2, 2, 1], values: [1, 2, 3, 4] };
    const out = runOp(
      'BATCH_TO_SPACE_ND',
      [input, ints([1], [2]), ints([1, 2], [0, 0])],
      [{ dtype: 'int8', shape: [1, 4, 1] }],
    );
    expect(out[0]).toEqual([1, 3, 2, 4]);
  });

  it('rejects a batch that is not a multiple of the block and a wrong output', () => {
    const input = { dtype: 'int8' as const, shape: [3, 1, 1, 1], values: [1, 2, 3] };
    const crops = ints([2, 2], [0, 0, 0, 0]);
    expect(() =>
      prepareOp('BATCH_TO_SPACE_ND', [input, block22, crops], [{ dtype: 'int8', shape: [1, 2, 2, 1] }]),
    ).toThrow(/multiple/);
    const four = { dtype: 'int8' as const, shape: [4, 1, 1, 1], values: [1, 2, 3, 4] };
    expect(() =>
      prepareOp('BATCH_TO_SPACE_ND', [four, block22, crops], [{ dtype: 'int8', shape: [1, 4, 1, 1] }]),
    ).toThrow(KernelPrepareError);
  });
});
