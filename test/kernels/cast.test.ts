import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import type { DType } from '../../src/tflite/schema.js';
import { graphOf, runOp } from './elementwise-support.js';

const cast = (from: DType, to: DType, values: number[], inPlace = false) =>
  runOp(
    'CAST',
    [{ dtype: from, shape: [values.length], values }],
    { dtype: to, shape: [values.length] },
    { inPlace },
  );

describe('CAST', () => {
  it('truncates float to integers toward zero, x86 style out of range', () => {
    expect(cast('float32', 'int32', [1.9, -1.9, 3e9, Number.NaN, -0.5])).toEqual([
      1, -1, -2147483648, -2147483648, 0,
    ]);
    // int8/int16/uint8 keep the low bits of the int32 conversion.
    expect(cast('float32', 'int8', [127.9, 128, -129, 300.5])).toEqual([127, -128, 127, 44]);
    expect(cast('float32', 'int16', [40000, -1.5])).toEqual([-25536, -1]);
    expect(cast('float32', 'uint8', [255.5, 256, -1])).toEqual([255, 0, 255]);
    expect(cast('float32', 'uint32', [-1, 4294967296.0, 3e9])).toEqual([4294967295, 0, 3000000000]);
  });

  it('wraps integers and rounds integers to float', () => {
    expect(cast('int32', 'int8', [255, -129, 1000])).toEqual([-1, 127, -24]);
    expect(cast('int8', 'uint8', [-1, 127], true)).toEqual([255, 127]);
    expect(cast('uint8', 'int16', [255, 0])).toEqual([255, 0]);
    expect(cast('int32', 'float32', [16777217, -3], true)).toEqual([16777216, -3]);
    expect(cast('int16', 'int32', [-32768, 7])).toEqual([-32768, 7]);
  });

  it('converts to and from bool', () => {
    expect(cast('float32', 'bool', [0, -0, 0.1, Number.NaN])).toEqual([0, 0, 1, 1]);
    expect(cast('int8', 'bool', [0, -5])).toEqual([0, 1]);
    expect(cast('bool', 'float32', [1, 0])).toEqual([1, 0]);
    expect(cast('bool', 'int32', [1, 0])).toEqual([1, 0]);
  });

  it('reports dtypes outside the TFLM set as unsupported', () => {
    const g = graphOf('CAST', [{ dtype: 'int64', shape: [2] }], { dtype: 'int32', shape: [2] });
    expect(() => new Interpreter(g)).toThrow(UnsupportedOperatorError);
  });
});
