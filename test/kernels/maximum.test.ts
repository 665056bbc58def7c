import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, runOp, type TensorDef } from './elementwise-support.js';

const i8 = (shape: number[], values?: number[]): TensorDef => ({
  dtype: 'int8',
  shape,
  values,
  quant: { scale: 0.1, zeroPoint: 3 },
});

describe('MAXIMUM', () => {
  it('compares raw int8 values with broadcasting, also in place', () => {
    const ins = [i8([2, 3], [-128, 0, 127, 5, -5, 3]), i8([3], [0, -1, 126])];
    expect(runOp('MAXIMUM', ins, i8([2, 3]))).toEqual([0, 0, 127, 5, -1, 126]);
    expect(runOp('MAXIMUM', ins, i8([2, 3]), { inPlace: true })).toEqual([0, 0, 127, 5, -1, 126]);
  });

  it('picks the second operand when the first is not greater (NaN, -0)', () => {
    const out = runOp(
      'MAXIMUM',
      [
        { dtype: 'float32', shape: [4], values: [Number.NaN, 1, -0, 2.5] },
        { dtype: 'float32', shape: [4], values: [1, Number.NaN, 0, -2.5] },
      ],
      { dtype: 'float32', shape: [4] },
    );
    expect(out).toEqual([1, Number.NaN, 0, 2.5]);
  });

  it('handles int16, int32 and int64', () => {
    for (const dtype of ['int16', 'int32', 'int64'] as const) {
      const out = runOp(
        'MAXIMUM',
        [
          { dtype, shape: [3], values: [-7, 100, 5] },
          { dtype, shape: [1], values: [6], constant: true },
        ],
        { dtype, shape: [3] },
      );
      expect(out).toEqual([6, 100, 6]);
    }
  });

  it('reports uint8 and broadcasts beyond 5D as unsupported', () => {
    const u8: TensorDef = { dtype: 'uint8', shape: [2] };
    expect(() => new Interpreter(graphOf('MAXIMUM', [u8, u8], u8))).toThrow(UnsupportedOperatorError);
    const six = i8([2, 1, 1, 1, 1, 3]);
    expect(() => new Interpreter(graphOf('MAXIMUM', [six, i8([3])], six))).toThrow(UnsupportedOperatorError);
  });
});
