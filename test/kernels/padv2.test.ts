import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const paddings = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length / 2, 2], data });
const q = (zeroPoint: number) => ({ scale: 0.25, zeroPoint });

describe('PADV2', () => {
  it('pads with a constant value', () => {
    const input = { dtype: 'float32' as const, shape: [2], values: [1, 2] };
    const value = { dtype: 'float32' as const, shape: [], data: [-0.5] };
    expect(runOp('PADV2', [input, paddings([1, 1]), value], [{ dtype: 'float32', shape: [4] }])[0]).toEqual([
      -0.5, 1, 2, -0.5,
    ]);
  });

  it('reads a computed pad value at eval time', () => {
    const input = { dtype: 'int16' as const, shape: [1], values: [9] };
    const value = { dtype: 'int16' as const, shape: [1], values: [-1234] };
    expect(runOp('PADV2', [input, paddings([0, 2]), value], [{ dtype: 'int16', shape: [3] }])[0]).toEqual([
      9, -1234, -1234,
    ]);
  });

  it('pads int8 with a constant that shares the output quantization, and rejects one that does not', () => {
    const input = { dtype: 'int8' as const, shape: [1], quant: q(5), values: [1] };
    const value = (zp: number) => ({ dtype: 'int8' as const, shape: [], quant: q(zp), data: [-100] });
    const out = [{ dtype: 'int8' as const, shape: [2], quant: q(5) }];
    expect(runOp('PADV2', [input, paddings([1, 0]), value(5)], out)[0]).toEqual([-100, 1]);
    expect(() => prepareOp('PADV2', [input, paddings([1, 0]), value(4)], out)).toThrow(KernelPrepareError);
  });
});
