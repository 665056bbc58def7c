import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { opInterpreter, runOp } from './fc-group-support.js';

function dequantize(dtype: DType, scale: number, zeroPoint: number, values: number[]): number[] {
  return runOp(
    'DEQUANTIZE',
    [{ dtype, shape: [values.length], quant: { scale, zeroPoint } }],
    { dtype: 'float32', shape: [values.length] },
    [values],
  );
}

describe('DEQUANTIZE', () => {
  it('computes scale * (q - zero point) for int8, int16 and uint8', () => {
    expect(dequantize('int8', 0.5, 3, [-128, 3, 127])).toEqual([-65.5, 0, 62]);
    expect(dequantize('int16', 2 ** -15, 0, [-32768, 16384])).toEqual([-1, 0.5]);
    expect(dequantize('uint8', 0.25, 128, [0, 255])).toEqual([-32, 31.75]);
  });

  it('rounds the product to float32', () => {
    expect(dequantize('int8', 0.1, 0, [3])).toEqual([Math.fround(Math.fround(0.1) * 3)]);
  });

  it('reports other dtypes as unsupported', () => {
    expect(() =>
      opInterpreter('DEQUANTIZE', [{ dtype: 'int32', shape: [1], quant: { scale: 1, zeroPoint: 0 } }], {
        dtype: 'float32',
        shape: [1],
      }),
    ).toThrow(UnsupportedOperatorError);
  });
});
