import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

describe('ZEROS_LIKE', () => {
  it('writes zeros (int8 included: 0, not the zero point, as TFLM does)', () => {
    const q = { scale: 1, zeroPoint: 9 };
    const i8 = { dtype: 'int8' as const, shape: [3], quant: q, values: [1, 2, 3] };
    expect(runOp('ZEROS_LIKE', [i8], [{ dtype: 'int8', shape: [3], quant: q }])[0]).toEqual([0, 0, 0]);
    const f = { dtype: 'float32' as const, shape: [2], values: [1, -1] };
    expect(runOp('ZEROS_LIKE', [f], [{ dtype: 'float32', shape: [2] }])[0]).toEqual([0, 0]);
    const l = { dtype: 'int64' as const, shape: [1], values: [5] };
    expect(runOp('ZEROS_LIKE', [l], [{ dtype: 'int64', shape: [1] }])[0]).toEqual([0]);
  });

  it('rejects an output of another shape', () => {
    const i8 = { dtype: 'int8' as const, shape: [3], values: [1, 2, 3] };
    expect(() => prepareOp('ZEROS_LIKE', [i8], [{ dtype: 'int8', shape: [2] }])).toThrow(KernelPrepareError);
  });
});
