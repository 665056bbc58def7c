import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

describe('CONCATENATION', () => {
  it('interleaves inputs along an inner axis', () => {
    const a = { dtype: 'int8' as const, shape: [2, 1], values: [1, 2] };
    const b = { dtype: 'int8' as const, shape: [2, 2], values: [10, 11, 20, 21] };
    expect(runOp('CONCATENATION', [a, b], [{ dtype: 'int8', shape: [2, 3] }], { axis: -1 })[0]).toEqual([
      1, 10, 11, 2, 20, 21,
    ]);
  });

  it('appends along axis 0 for float32, int16, int32 and bool', () => {
    const f = (v: number[]) => ({ dtype: 'float32' as const, shape: [v.length], values: v });
    expect(
      runOp('CONCATENATION', [f([0.5]), f([-1, 2])], [{ dtype: 'float32', shape: [3] }], { axis: 0 })[0],
    ).toEqual([0.5, -1, 2]);
    const s = { dtype: 'int16' as const, shape: [1, 2], values: [-32768, 32767] };
    expect(runOp('CONCATENATION', [s, s], [{ dtype: 'int16', shape: [2, 2] }], { axis: 0 })[0]).toEqual([
      -32768, 32767, -32768, 32767,
    ]);
    const i = { dtype: 'int32' as const, shape: [1], data: [2 ** 31 - 1] };
    const b = { dtype: 'bool' as const, shape: [1], values: [1] };
    expect(runOp('CONCATENATION', [i, i], [{ dtype: 'int32', shape: [2] }], { axis: 0 })[0]).toEqual([
      2 ** 31 - 1,
      2 ** 31 - 1,
    ]);
    expect(runOp('CONCATENATION', [b, b, b], [{ dtype: 'bool', shape: [3] }], { axis: 0 })[0]).toEqual([
      1, 1, 1,
    ]);
  });

  it('copies int8 bytes without requantizing when input quantization differs (as TFLM does)', () => {
    const a = {
      dtype: 'int8' as const,
      shape: [2],
      quant: { scale: 0.1, zeroPoint: 3 },
      values: [-128, 127],
    };
    const b = { dtype: 'int8' as const, shape: [1], quant: { scale: 0.7, zeroPoint: -9 }, values: [5] };
    const out = { dtype: 'int8' as const, shape: [3], quant: { scale: 0.2, zeroPoint: 0 } };
    expect(runOp('CONCATENATION', [a, b], [out], { axis: 0 })[0]).toEqual([-128, 127, 5]);
  });

  it('rejects mismatched shapes and a wrong axis total', () => {
    const a = { dtype: 'int8' as const, shape: [2, 2], values: [1, 2, 3, 4] };
    const b = { dtype: 'int8' as const, shape: [3, 1], values: [1, 2, 3] };
    expect(() => prepareOp('CONCATENATION', [a, b], [{ dtype: 'int8', shape: [2, 3] }], { axis: 1 })).toThrow(
      KernelPrepareError,
    );
    expect(() => prepareOp('CONCATENATION', [a, a], [{ dtype: 'int8', shape: [2, 5] }], { axis: 1 })).toThrow(
      /sum to 4/,
    );
    expect(() => prepareOp('CONCATENATION', [a, a], [{ dtype: 'int8', shape: [2, 4] }], { axis: 2 })).toThrow(
      /out of range/,
    );
  });

  it('reports a fused activation as unsupported', () => {
    const a = { dtype: 'float32' as const, shape: [1], values: [1] };
    expect(() =>
      prepareOp('CONCATENATION', [a, a], [{ dtype: 'float32', shape: [2] }], {
        axis: 0,
        fusedActivationFunction: 'RELU',
      }),
    ).toThrow(UnsupportedOperatorError);
  });
});
