import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

describe('SPACE_TO_DEPTH', () => {
  it('inverts DEPTH_TO_SPACE (TensorFlow documentation example)', () => {
    const input = {
      dtype: 'int8' as const,
      shape: [1, 4, 4, 1],
      values: [1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16],
    };
    const out = runOp('SPACE_TO_DEPTH', [input], [{ dtype: 'int8', shape: [1, 2, 2, 4] }], { blockSize: 2 });
    expect(out[0]).toEqual(iota(16, 1));
  });

  it('moves float32 with depth > 1', () => {
    const input = { dtype: 'float32' as const, shape: [1, 2, 2, 2], values: iota(8) };
    const out = runOp('SPACE_TO_DEPTH', [input], [{ dtype: 'float32', shape: [1, 1, 1, 8] }], {
      blockSize: 2,
    });
    expect(out[0]).toEqual(iota(8));
  });

  it('rejects a height that is not a multiple of the block', () => {
    const input = { dtype: 'int8' as const, shape: [1, 3, 2, 1], values: iota(6) };
    expect(() =>
      prepareOp('SPACE_TO_DEPTH', [input], [{ dtype: 'int8', shape: [1, 1, 1, 4] }], { blockSize: 2 }),
    ).toThrow(KernelPrepareError);
  });
});
