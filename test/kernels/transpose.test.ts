import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const perm = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

function transpose(shape: number[], p: number[], dtype: DType = 'int8'): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  const outShape = p.map((i) => shape[i]);
  return runOp('TRANSPOSE', [{ dtype, shape, values: iota(n) }, perm(p)], [{ dtype, shape: outShape }])[0];
}

describe('TRANSPOSE', () => {
  it('swaps the two axes of a matrix', () => {
    expect(transpose([2, 3], [1, 0])).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it('rotates three axes: out[k][i][j] = in[i][j][k]', () => {
    const expected: number[] = [];
    for (let k = 0; k < 4; k++)
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expected.push(i * 12 + j * 4 + k);
    expect(transpose([2, 3, 4], [2, 0, 1], 'int16')).toEqual(expected);
  });

  it('handles 5-D float32 and the identity permutation', () => {
    expect(transpose([1, 2, 1, 2, 1], [3, 1, 2, 0, 4], 'float32')).toEqual([0, 2, 1, 3]);
    expect(transpose([3], [0], 'int32')).toEqual([0, 1, 2]);
  });

  it('rejects a perm that is not a permutation and a wrong output shape', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: iota(6) };
    expect(() => prepareOp('TRANSPOSE', [input, perm([0, 0])], [{ dtype: 'int8', shape: [2, 2] }])).toThrow(
      /not a permutation/,
    );
    expect(() => prepareOp('TRANSPOSE', [input, perm([1, 0])], [{ dtype: 'int8', shape: [2, 3] }])).toThrow(
      KernelPrepareError,
    );
  });
});
