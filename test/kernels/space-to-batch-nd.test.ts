import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const ints = (shape: number[], data: number[]) => ({ dtype: 'int32' as const, shape, data });
const block22 = ints([2], [2, 2]);

describe('SPACE_TO_BATCH_ND', () => {
  it('inverts BATCH_TO_SPACE_ND', () => {
    const values = [1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16];
    const input = { dtype: 'int8' as const, shape: [1, 4, 4, 1], values };
    const out = runOp(
      'SPACE_TO_BATCH_ND',
      [input, block22, ints([2, 2], [0, 0, 0, 0])],
      [{ dtype: 'int8', shape: [4, 2, 2, 1] }],
    );
    expect(out[0]).toEqual(iota(16, 1));
  });

  it('pads with zero bytes, even for int8 with a non-zero zero point (as TFLM does)', () => {
    const q = { scale: 0.5, zeroPoint: 7 };
    const input = { dtype: 'int8' as const, shape: [1, 2, 2, 1], quant: q, values: [1, 2, 3, 4] };
    const out = runOp(
      'SPACE_TO_BATCH_ND',
      [input, block22, ints([2, 2], [0, 0, 1, 1])],
      [{ dtype: 'int8', shape: [4, 1, 2, 1], quant: q }],
    );
    expect(out[0]).toEqual([0, 2, 1, 0, 0, 4, 3, 0]);
  });

  it('handles 3-D NHC float32 input', () => {
    const input = { dtype: 'float32' as const, shape: [1, 4, 1], values: [1, 3, 2, 4] };
    const out = runOp(
      'SPACE_TO_BATCH_ND',
      [input, ints([1], [2]), ints([1, 2], [0, 0])],
      [{ dtype: 'float32', shape: [2, 2, 1] }],
    );
    expect(out[0]).toEqual([1, 2, 3, 4]);
  });

  it('rejects a padded size that is not a multiple of the block', () => {
    const input = { dtype: 'int8' as const, shape: [1, 3, 2, 1], values: iota(6) };
    expect(() =>
      prepareOp(
        'SPACE_TO_BATCH_ND',
        [input, block22, ints([2, 2], [0, 0, 0, 0])],
        [{ dtype: 'int8', shape: [4, 1, 1, 1] }],
      ),
    ).toThrow(KernelPrepareError);
  });
});
