import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, runOp, type TensorDef } from './elementwise-support.js';

const b = (shape: number[], values?: number[]): TensorDef => ({ dtype: 'bool', shape, values });

describe('LOGICAL_AND / LOGICAL_OR / LOGICAL_NOT', () => {
  it('combine bools with broadcasting, also in place', () => {
    const ins = [b([4], [0, 1, 0, 1]), b([2, 1], [0, 1])];
    expect(runOp('LOGICAL_AND', ins, b([2, 4]))).toEqual([0, 0, 0, 0, 0, 1, 0, 1]);
    expect(runOp('LOGICAL_OR', ins, b([2, 4]))).toEqual([0, 1, 0, 1, 1, 1, 1, 1]);
    expect(runOp('LOGICAL_AND', [b([3], [1, 1, 0]), b([3], [1, 0, 0])], b([3]), { inPlace: true })).toEqual([
      1, 0, 0,
    ]);
  });

  it('negate bools and reject other dtypes', () => {
    expect(runOp('LOGICAL_NOT', [b([3], [0, 1, 0])], b([3]), { inPlace: true })).toEqual([1, 0, 1]);
    const i8: TensorDef = { dtype: 'int8', shape: [2], quant: { scale: 1, zeroPoint: 0 } };
    expect(() => new Interpreter(graphOf('LOGICAL_NOT', [i8], i8))).toThrow(UnsupportedOperatorError);
    expect(() => new Interpreter(graphOf('LOGICAL_OR', [i8, i8], i8))).toThrow(UnsupportedOperatorError);
  });
});
