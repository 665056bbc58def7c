import { describe, expect, it } from 'vitest';
import { InputMismatchError, KernelPrepareError } from '../../src/errors.js';
import { iota, prepareOp, runOp } from './shape-support.js';

describe('GATHER', () => {
  it('picks rows by run-time indices', () => {
    const input = { dtype: 'float32' as const, shape: [3, 2], data: [1, 2, 3, 4, 5, 6] };
    const coords = { dtype: 'int32' as const, shape: [2], values: [2, 0] };
    expect(runOp('GATHER', [input, coords], [{ dtype: 'float32', shape: [2, 2] }], { axis: 0 })[0]).toEqual([
      5, 6, 1, 2,
    ]);
  });

  it('gathers along an inner axis with int8 data and int64 indices', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: iota(6) };
    const coords = { dtype: 'int64' as const, shape: [2], data: [2, 0] };
    expect(runOp('GATHER', [input, coords], [{ dtype: 'int8', shape: [2, 2] }], { axis: -1 })[0]).toEqual([
      2, 0, 5, 3,
    ]);
  });

  it('pairs each batch with its own indices when batch_dims = 1', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: iota(6) };
    const coords = { dtype: 'int32' as const, shape: [2, 1], data: [1, 2] };
    const out = runOp('GATHER', [input, coords], [{ dtype: 'int8', shape: [2, 1] }], {
      axis: 1,
      batchDims: 1,
    });
    expect(out[0]).toEqual([1, 5]);
  });

  it('fails the invoke for an index outside the axis, as TFLM does', () => {
    const input = { dtype: 'int8' as const, shape: [2], values: [1, 2] };
    const coords = { dtype: 'int32' as const, shape: [1], values: [2] };
    expect(() => runOp('GATHER', [input, coords], [{ dtype: 'int8', shape: [1] }], { axis: 0 })).toThrow(
      InputMismatchError,
    );
  });

  it('rejects a wrong output shape and batch_dims beyond the axis', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: iota(6) };
    const coords = { dtype: 'int32' as const, shape: [2], values: [0, 1] };
    expect(() =>
      prepareOp('GATHER', [input, coords], [{ dtype: 'int8', shape: [2, 3] }], { axis: 1 }),
    ).toThrow(KernelPrepareError);
    expect(() =>
      prepareOp('GATHER', [input, coords], [{ dtype: 'int8', shape: [2, 3] }], { axis: 0, batchDims: 1 }),
    ).toThrow(/batch_dims/);
  });
});
