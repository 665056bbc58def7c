import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { roundToNearest } from '../../src/kernels/round.js';
import { graphOf, runOp } from './elementwise-support.js';

const f = Math.fround;
const run = (op: string, values: number[], inPlace = false) =>
  runOp(
    op,
    [{ dtype: 'float32', shape: [values.length], values }],
    { dtype: 'float32', shape: [values.length] },
    { inPlace },
  );

describe('float32 unary kernels (NEG, SQRT, EXP, LOG, SIN, COS, SQUARE, FLOOR, CEIL, ROUND)', () => {
  const xs = [0.5, 2, 9, 1e-3];

  it('compute in single precision, in place too', () => {
    expect(run('NEG', [1.5, -2, 0])).toEqual([-1.5, 2, -0]);
    expect(run('SQRT', xs, true)).toEqual(xs.map((x) => f(Math.sqrt(f(x)))));
    expect(run('SQUARE', [f(0.1), -3])).toEqual([f(f(0.1) * f(0.1)), 9]);
    expect(run('FLOOR', [1.5, -1.5, 2])).toEqual([1, -2, 2]);
    expect(run('CEIL', [1.5, -1.5, 2])).toEqual([2, -1, 2]);
  });

  it('match the math library within float32 precision', () => {
    const close = (got: number[], want: number[]) => {
      for (const [i, g] of got.entries())
        expect(Math.abs(g - want[i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[i])));
    };
    close(run('EXP', [-1, 0, 3.5]), [Math.exp(-1), 1, Math.exp(3.5)]);
    close(run('LOG', [1, 10, 0.25]), [0, Math.log(10), Math.log(0.25)]);
    close(run('SIN', [0, 1, -2]), [0, Math.sin(1), Math.sin(-2)]);
    close(run('COS', [0, 1, -2]), [1, Math.cos(1), Math.cos(-2)]);
  });

  it('rounds half to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6, 1e9].map(roundToNearest)).toEqual([
      0, 2, 2, 0, -2, -2, 2, -3, 1e9,
    ]);
    expect(run('ROUND', [0.5, 1.5, -2.5])).toEqual([0, 2, -2]);
  });

  it('report non-float dtypes as unsupported', () => {
    const t = { dtype: 'int8' as const, shape: [2], quant: { scale: 1, zeroPoint: 0 } };
    for (const op of ['NEG', 'SQRT', 'EXP', 'FLOOR'])
      expect(() => new Interpreter(graphOf(op, [t], t))).toThrow(UnsupportedOperatorError);
  });
});
