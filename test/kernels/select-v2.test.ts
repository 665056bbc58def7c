import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, runOp, type TensorDef } from './elementwise-support.js';

describe('SELECT_V2', () => {
  it('selects element-wise and with three-way broadcasting', () => {
    const same = runOp(
      'SELECT_V2',
      [
        { dtype: 'bool', shape: [3], values: [1, 0, 1] },
        { dtype: 'float32', shape: [3], values: [1, 2, 3] },
        { dtype: 'float32', shape: [3], values: [-1, -2, -3] },
      ],
      { dtype: 'float32', shape: [3] },
    );
    expect(same).toEqual([1, -2, 3]);
    const i8 = (shape: number[], values: number[]): TensorDef => ({
      dtype: 'int8',
      shape,
      values,
      quant: { scale: 1, zeroPoint: 0 },
    });
    const bc = runOp(
      'SELECT_V2',
      [{ dtype: 'bool', shape: [2, 1], values: [1, 0] }, i8([1, 3], [1, 2, 3]), i8([1], [-9])],
      { dtype: 'int8', shape: [2, 3], quant: { scale: 1, zeroPoint: 0 } },
    );
    expect(bc).toEqual([1, 2, 3, -9, -9, -9]);
  });

  it('broadcasts int16 x and y against a higher-rank condition', () => {
    const out = runOp(
      'SELECT_V2',
      [
        { dtype: 'bool', shape: [1, 2, 2], values: [0, 1, 1, 0] },
        { dtype: 'int16', shape: [2, 2], values: [10, 20, 30, 40] },
        { dtype: 'int16', shape: [2], values: [-1, -2] },
      ],
      { dtype: 'int16', shape: [1, 2, 2] },
    );
    expect(out).toEqual([-1, 20, 30, -2]);
  });

  it('needs a bool condition and matching x/y dtypes; int32 is unsupported', () => {
    const f: TensorDef = { dtype: 'float32', shape: [2] };
    const i32: TensorDef = { dtype: 'int32', shape: [2] };
    expect(() => new Interpreter(graphOf('SELECT_V2', [f, f, f], f))).toThrow(KernelPrepareError);
    expect(() => new Interpreter(graphOf('SELECT_V2', [{ dtype: 'bool', shape: [2] }, f, i32], f))).toThrow(
      KernelPrepareError,
    );
    expect(
      () => new Interpreter(graphOf('SELECT_V2', [{ dtype: 'bool', shape: [2] }, i32, i32], i32)),
    ).toThrow(UnsupportedOperatorError);
  });
});
