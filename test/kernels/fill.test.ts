import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const dims = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

describe('FILL', () => {
  it('sets every element to a value read at eval time', () => {
    const value = { dtype: 'float32' as const, shape: [], values: [1.5] };
    expect(runOp('FILL', [dims([2, 2]), value], [{ dtype: 'float32', shape: [2, 2] }])[0]).toEqual([
      1.5, 1.5, 1.5, 1.5,
    ]);
  });

  it('fills int8 and int32 from constants', () => {
    const i8 = { dtype: 'int8' as const, shape: [], data: [-128] };
    expect(runOp('FILL', [dims([3]), i8], [{ dtype: 'int8', shape: [3] }])[0]).toEqual([-128, -128, -128]);
    const i32 = { dtype: 'int32' as const, shape: [], data: [-7] };
    expect(runOp('FILL', [dims([1, 2]), i32], [{ dtype: 'int32', shape: [1, 2] }])[0]).toEqual([-7, -7]);
  });

  it('rejects constant dims that differ from the output shape and a non-scalar value', () => {
    const value = { dtype: 'int8' as const, shape: [], data: [1] };
    expect(() => prepareOp('FILL', [dims([2]), value], [{ dtype: 'int8', shape: [3] }])).toThrow(
      KernelPrepareError,
    );
    const vector = { dtype: 'int8' as const, shape: [1], data: [1] };
    expect(() => prepareOp('FILL', [dims([2]), vector], [{ dtype: 'int8', shape: [2] }])).toThrow(/scalar/);
  });
});
