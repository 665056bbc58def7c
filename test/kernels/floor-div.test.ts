import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, runOp, type TensorDef } from './elementwise-support.js';

const f32 = (shape: number[], values?: number[]): TensorDef => ({ dtype: 'float32', shape, values });

describe('FLOOR_DIV / FLOOR_MOD (float32)', () => {
  it('floors the single-precision quotient, with broadcasting', () => {
    expect(runOp('FLOOR_DIV', [f32([4], [7, -7, 7, -7]), f32([4], [2, 2, -2, -2])], f32([4]))).toEqual([
      3, -4, -4, 3,
    ]);
    expect(
      runOp('FLOOR_DIV', [f32([2, 2], [1, 2, 3, 4]), f32([2], [2, 3])], f32([2, 2]), { inPlace: true }),
    ).toEqual([0, 0, 1, 1]);
  });

  it('takes the remainder with the divisor sign', () => {
    expect(runOp('FLOOR_MOD', [f32([4], [7, -7, 7, -7]), f32([4], [3, 3, -3, -3])], f32([4]))).toEqual([
      1, 2, -2, -1,
    ]);
    expect(runOp('FLOOR_MOD', [f32([2], [5.5, -0.5]), f32([1], [2])], f32([2]))).toEqual([1.5, 1.5]);
  });

  it('reports int32 as unsupported (TFLM runs float32 only)', () => {
    const i: TensorDef = { dtype: 'int32', shape: [2] };
    expect(() => new Interpreter(graphOf('FLOOR_DIV', [i, i], i))).toThrow(UnsupportedOperatorError);
    expect(() => new Interpreter(graphOf('FLOOR_MOD', [i, i], i))).toThrow(UnsupportedOperatorError);
  });
});
