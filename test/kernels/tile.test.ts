import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const multiples = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

describe('TILE', () => {
  it('repeats the input along every axis', () => {
    const input = { dtype: 'int8' as const, shape: [1, 2], values: [1, 2] };
    expect(runOp('TILE', [input, multiples([2, 2])], [{ dtype: 'int8', shape: [2, 4] }])[0]).toEqual([
      1, 2, 1, 2, 1, 2, 1, 2,
    ]);
    const col = { dtype: 'int16' as const, shape: [2, 1], values: [-5, 5] };
    expect(runOp('TILE', [col, multiples([1, 3])], [{ dtype: 'int16', shape: [2, 3] }])[0]).toEqual([
      -5, -5, -5, 5, 5, 5,
    ]);
  });

  it('rejects a wrong output shape', () => {
    const input = { dtype: 'int8' as const, shape: [2], values: [1, 2] };
    expect(() => prepareOp('TILE', [input, multiples([2])], [{ dtype: 'int8', shape: [2] }])).toThrow(
      KernelPrepareError,
    );
  });
});
