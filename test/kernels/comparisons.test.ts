import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import type { DType } from '../../src/tflite/schema.js';
import { graphOf, runOp, type TensorDef } from './elementwise-support.js';

const OPS = ['EQUAL', 'NOT_EQUAL', 'LESS', 'LESS_EQUAL', 'GREATER', 'GREATER_EQUAL'] as const;
const REF: Record<(typeof OPS)[number], (a: number, b: number) => boolean> = {
  EQUAL: (a, b) => a === b,
  NOT_EQUAL: (a, b) => a !== b,
  LESS: (a, b) => a < b,
  LESS_EQUAL: (a, b) => a <= b,
  GREATER: (a, b) => a > b,
  GREATER_EQUAL: (a, b) => a >= b,
};
const bool = (shape: number[]): TensorDef => ({ dtype: 'bool', shape });

describe('comparison kernels', () => {
  const a = [1, -2, 3, 3, Number.NaN];
  const b = [1, 2, -3, 4, Number.NaN];

  it('compare float32, int32 and int64 raw values', () => {
    for (const op of OPS) {
      const f = runOp(
        op,
        [
          { dtype: 'float32', shape: [5], values: a },
          { dtype: 'float32', shape: [5], values: b },
        ],
        bool([5]),
      );
      expect(f).toEqual(a.map((x, i) => (REF[op](x, b[i]) ? 1 : 0)));
      for (const dtype of ['int32', 'int64'] as DType[]) {
        const ints = runOp(
          op,
          [
            { dtype, shape: [4], values: a.slice(0, 4) },
            { dtype, shape: [4], values: b.slice(0, 4) },
          ],
          bool([4]),
        );
        expect(ints).toEqual(a.slice(0, 4).map((x, i) => (REF[op](x, b[i]) ? 1 : 0)));
      }
    }
  });

  it('compare int8 on a common real scale, with broadcasting', () => {
    // input 1: scale 0.5, zero point 2 -> reals [-1, 0, 1]; input 2: scale 0.25 -> real 0 (broadcast).
    const ins: TensorDef[] = [
      { dtype: 'int8', shape: [3], values: [0, 2, 4], quant: { scale: 0.5, zeroPoint: 2 } },
      { dtype: 'int8', shape: [1], values: [-7], quant: { scale: 0.25, zeroPoint: -7 } },
    ];
    const expected = {
      EQUAL: [0, 1, 0],
      NOT_EQUAL: [1, 0, 1],
      LESS: [1, 0, 0],
      LESS_EQUAL: [1, 1, 0],
      GREATER: [0, 0, 1],
      GREATER_EQUAL: [0, 1, 1],
    };
    for (const op of OPS) expect(runOp(op, ins, bool([3]))).toEqual(expected[op]);
  });

  it('compare bool for (NOT_)EQUAL and int16 for GREATER only', () => {
    const bools: TensorDef[] = [
      { dtype: 'bool', shape: [2, 1], values: [0, 1] },
      { dtype: 'bool', shape: [2], values: [0, 1] },
    ];
    expect(runOp('EQUAL', bools, bool([2, 2]))).toEqual([1, 0, 0, 1]);
    expect(runOp('NOT_EQUAL', bools, bool([2, 2]), { inPlace: true })).toEqual([0, 1, 1, 0]);
    const i16 = (values: number[], scale: number): TensorDef => ({
      dtype: 'int16',
      shape: [2],
      values,
      quant: { scale, zeroPoint: 0 },
    });
    expect(runOp('GREATER', [i16([100, 100], 0.01), i16([990, 1010], 0.001)], bool([2]))).toEqual([1, 0]);
    expect(() => new Interpreter(graphOf('LESS', [i16([], 0.1), i16([], 0.1)], bool([2])))).toThrow(
      UnsupportedOperatorError,
    );
    expect(() => new Interpreter(graphOf('LESS', bools, bool([2, 2])))).toThrow(UnsupportedOperatorError);
  });

  it('fail on a non-bool output or an int8 scale that is not below one', () => {
    const f: TensorDef = { dtype: 'float32', shape: [2] };
    expect(() => new Interpreter(graphOf('LESS', [f, f], f))).toThrow(KernelPrepareError);
    const big: TensorDef = { dtype: 'int8', shape: [2], quant: { scale: 2, zeroPoint: 0 } };
    expect(() => new Interpreter(graphOf('LESS', [big, big], bool([2])))).toThrow(KernelPrepareError);
  });
});
