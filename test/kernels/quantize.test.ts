import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { opInterpreter, runOp } from './fc-group-support.js';

function quantize(
  inDType: DType,
  inQuant: { scale: number; zeroPoint: number } | undefined,
  outDType: DType,
  outQuant: { scale: number; zeroPoint: number },
  values: number[],
): number[] {
  return runOp(
    'QUANTIZE',
    [{ dtype: inDType, shape: [values.length], quant: inQuant }],
    { dtype: outDType, shape: [values.length], quant: outQuant },
    [values],
  );
}

describe('QUANTIZE float32 -> integer', () => {
  it('rounds half away from zero, adds the zero point and saturates', () => {
    const out = quantize(
      'float32',
      undefined,
      'int8',
      { scale: 0.5, zeroPoint: -1 },
      [1.25, -1.25, 0.75, 1000, -1000],
    );
    expect(out).toEqual([2, -4, 1, 127, -128]);
  });

  it('quantizes to int16', () => {
    const out = quantize('float32', undefined, 'int16', { scale: 2 ** -10, zeroPoint: 0 }, [0.5, -0.25, 100]);
    expect(out).toEqual([512, -256, 32767]);
  });

  it('divides in float32 (0.3 / 0.1 is 3 in float32, not 2.9999999999999996)', () => {
    expect(quantize('float32', undefined, 'int8', { scale: 0.1, zeroPoint: 0 }, [0.3])).toEqual([3]);
  });
});

describe('QUANTIZE requantization', () => {
  it('rescales int8 -> int8 with both zero points', () => {
    // (3 - 0) * 0.5 = 1.5 -> 2; (-3) * 0.5 = -1.5 -> -1 (the doubling high-mul rounds ties up).
    const out = quantize(
      'int8',
      { scale: 1, zeroPoint: 0 },
      'int8',
      { scale: 2, zeroPoint: 5 },
      [3, -3, 127],
    );
    expect(out).toEqual([7, 4, 69]);
  });

  it('shifts int8 <-> uint8 by 128 at the same scale', () => {
    expect(
      quantize('int8', { scale: 0.1, zeroPoint: 0 }, 'uint8', { scale: 0.1, zeroPoint: 128 }, [-128, 0, 127]),
    ).toEqual([0, 128, 255]);
    expect(
      quantize('uint8', { scale: 0.1, zeroPoint: 128 }, 'int8', { scale: 0.1, zeroPoint: 0 }, [0, 128, 255]),
    ).toEqual([-128, 0, 127]);
  });

  it('widens int16 -> int32 and int8 -> int16', () => {
    expect(
      quantize('int16', { scale: 1, zeroPoint: 0 }, 'int32', { scale: 0.25, zeroPoint: 1 }, [-32768, 7]),
    ).toEqual([-131071, 29]);
    expect(
      quantize('int8', { scale: 1, zeroPoint: -128 }, 'int16', { scale: 1, zeroPoint: 0 }, [-128, 127]),
    ).toEqual([0, 255]);
  });

  it('narrows int32 -> int8 and int16 -> int8 with saturation', () => {
    // -15 / 10 = -1.5: here the tie is decided by the rounding right shift (away from zero).
    expect(
      quantize('int32', { scale: 1, zeroPoint: 0 }, 'int8', { scale: 10, zeroPoint: 0 }, [1234, -15, 14]),
    ).toEqual([123, -2, 1]);
    expect(
      quantize('int16', { scale: 1, zeroPoint: 0 }, 'int8', { scale: 1, zeroPoint: 0 }, [300, -300]),
    ).toEqual([127, -128]);
  });

  it('reports pairs TFLM does not run as unsupported', () => {
    const make = (outDType: DType, scale: number | number[]) =>
      opInterpreter('QUANTIZE', [{ dtype: 'float32', shape: [2] }], {
        dtype: outDType,
        shape: [2],
        quant: { scale, zeroPoint: Array.isArray(scale) ? scale.map(() => 0) : 0 },
      });
    expect(() => make('uint8', 1)).toThrow(UnsupportedOperatorError);
    expect(() => make('int8', [1, 2])).toThrow(UnsupportedOperatorError);
  });
});
