import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const paddings = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length / 2, 2], data });
const q = (zeroPoint: number) => ({ scale: 0.25, zeroPoint });

describe('PAD', () => {
  it('pads int8 with the output zero point', () => {
    const input = { dtype: 'int8' as const, shape: [2, 2], quant: q(-3), values: [1, 2, 3, 4] };
    const out = runOp(
      'PAD',
      [input, paddings([1, 0, 0, 2])],
      [{ dtype: 'int8', shape: [3, 4], quant: q(-3) }],
    );
    expect(out[0]).toEqual([-3, -3, -3, -3, 1, 2, -3, -3, 3, 4, -3, -3]);
  });

  it('pads int8 at the zero-point limits', () => {
    for (const zp of [-128, 127]) {
      const input = { dtype: 'int8' as const, shape: [1], quant: q(zp), values: [0] };
      const out = runOp('PAD', [input, paddings([1, 1])], [{ dtype: 'int8', shape: [3], quant: q(zp) }]);
      expect(out[0]).toEqual([zp, 0, zp]);
    }
  });

  it('pads int16 and int32 with 0 and float32 with 0.0', () => {
    const i16 = {
      dtype: 'int16' as const,
      shape: [1, 2],
      quant: { scale: 1e-3, zeroPoint: 0 },
      values: [-32768, 32767],
    };
    const out16 = runOp(
      'PAD',
      [i16, paddings([0, 1, 1, 0])],
      [{ dtype: 'int16', shape: [2, 3], quant: i16.quant }],
    );
    expect(out16[0]).toEqual([0, -32768, 32767, 0, 0, 0]);
    const i32 = { dtype: 'int32' as const, shape: [2], values: [7, -7] };
    expect(runOp('PAD', [i32, paddings([2, 0])], [{ dtype: 'int32', shape: [4] }])[0]).toEqual([0, 0, 7, -7]);
    const f = { dtype: 'float32' as const, shape: [1, 1, 1, 1, 1], values: [2.5] };
    const out5 = runOp(
      'PAD',
      [f, paddings([0, 0, 1, 0, 0, 0, 0, 1, 0, 0])],
      [{ dtype: 'float32', shape: [1, 2, 1, 2, 1] }],
    );
    expect(out5[0]).toEqual([0, 0, 2.5, 0]);
  });

  it('rejects negative paddings, a wrong output shape and wrongly sized paddings', () => {
    const input = { dtype: 'int8' as const, shape: [2], quant: q(0), values: [1, 2] };
    const out = (n: number) => [{ dtype: 'int8' as const, shape: [n], quant: q(0) }];
    expect(() => prepareOp('PAD', [input, paddings([-1, 1])], out(2))).toThrow(/negative/);
    expect(() => prepareOp('PAD', [input, paddings([1, 1])], out(3))).toThrow(KernelPrepareError);
    expect(() => prepareOp('PAD', [input, paddings([1, 1, 0, 0])], out(4))).toThrow(KernelPrepareError);
  });

  it('reports dtypes TFLM does not pad as unsupported', () => {
    const input = { dtype: 'uint8' as const, shape: [2], values: [1, 2] };
    expect(() => prepareOp('PAD', [input, paddings([1, 1])], [{ dtype: 'uint8', shape: [4] }])).toThrow(
      UnsupportedOperatorError,
    );
  });
});
