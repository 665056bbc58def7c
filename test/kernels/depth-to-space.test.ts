import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

describe('DEPTH_TO_SPACE', () => {
  it('spreads each pixel depth over a block (TensorFlow documentation example)', () => {
    const input = { dtype: 'int8' as const, shape: [1, 2, 2, 4], values: iota(16, 1) };
    const out = runOp('DEPTH_TO_SPACE', [input], [{ dtype: 'int8', shape: [1, 4, 4, 1] }], { blockSize: 2 });
    expect(out[0]).toEqual([1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16]);
  });

  it('keeps the output depth contiguous', () => {
    const input = { dtype: 'float32' as const, shape: [1, 1, 1, 8], values: iota(8) };
    const out = runOp('DEPTH_TO_SPACE', [input], [{ dtype: 'float32', shape: [1, 2, 2, 2] }], {
      blockSize: 2,
    });
    expect(out[0]).toEqual(iota(8));
  });

  it('rejects a depth that is not a multiple of block² and a wrong output', () => {
    const input = { dtype: 'int8' as const, shape: [1, 1, 1, 6], values: iota(6) };
    expect(() =>
      prepareOp('DEPTH_TO_SPACE', [input], [{ dtype: 'int8', shape: [1, 2, 2, 1] }], { blockSize: 2 }),
    ).toThrow(KernelPrepareError);
  });
});
