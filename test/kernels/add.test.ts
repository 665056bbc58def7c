import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, randomInts, runOp, type TensorDef } from './elementwise-support.js';

const i8 = (shape: number[], values: number[] | undefined, scale: number, zeroPoint: number): TensorDef => ({
  dtype: 'int8',
  shape,
  values,
  quant: { scale, zeroPoint },
});

describe('ADD int8', () => {
  it('adds at half scale with rounding half away from zero', () => {
    // s1 = s2 = 0.5, so = 1: out = zp + round((a' + b') / 2).
    const out = runOp(
      'ADD',
      [i8([4], [10, -3, 127, -128], 0.5, 0), i8([4], [5, 0, 127, -128], 0.5, 0)],
      i8([4], undefined, 1, 0),
    );
    expect(out).toEqual([8, -2, 127, -128]);
  });

  it('handles zero points at the int8 limits', () => {
    const out = runOp(
      'ADD',
      [i8([3], [127, 0, -128], 0.5, 127), i8([3], [-128, 0, 127], 0.5, -128)],
      i8([3], undefined, 1, -128),
    );
    expect(out).toEqual([-128, -127, -128]);
  });

  it('saturates and applies a fused RELU6', () => {
    const ins = [i8([4], [-100, 20, 100, 127], 0.1, 0), i8([4], [0, 0, 100, 127], 0.1, 0)];
    expect(runOp('ADD', ins, i8([4], undefined, 0.1, 0))).toEqual([-100, 20, 127, 127]);
    const relu6 = runOp('ADD', ins, i8([4], undefined, 0.1, 0), {
      options: { fusedActivationFunction: 'RELU6' },
    });
    expect(relu6).toEqual([0, 20, 60, 60]);
  });

  it('matches the real-valued sum within one step on random data', () => {
    const a = randomInts(64, -128, 127, 3);
    const b = randomInts(64, -128, 127, 4);
    const out = runOp('ADD', [i8([64], a, 0.037, -5), i8([64], b, 0.021, 9)], i8([64], undefined, 0.05, 3));
    out.forEach((v, i) => {
      const real = 0.037 * (a[i] + 5) + 0.021 * (b[i] - 9);
      expect(Math.abs(v - Math.min(127, Math.max(-128, 3 + real / 0.05)))).toBeLessThanOrEqual(1);
    });
  });

  it('broadcasts both ways and runs in place', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const ins = [i8([2, 3], a, 0.5, 0), i8([3], [10, 20, 30], 0.5, 0)];
    const expected = [6, 11, 17, 7, 13, 18];
    expect(runOp('ADD', ins, i8([2, 3], undefined, 1, 0))).toEqual(expected);
    expect(runOp('ADD', ins, i8([2, 3], undefined, 1, 0), { inPlace: true })).toEqual(expected);
    const outer = runOp(
      'ADD',
      [i8([2, 1], [2, 4], 0.5, 0), i8([1, 3], [2, 4, 6], 0.5, 0)],
      i8([2, 3], undefined, 1, 0),
    );
    expect(outer).toEqual([2, 3, 4, 3, 4, 5]);
  });
});

describe('ADD int16 (general scale path)', () => {
  it('adds with exact rounding at the int16 limits', () => {
    const q = { scale: 2 ** -10, zeroPoint: 0 };
    const out = runOp(
      'ADD',
      [
        { dtype: 'int16', shape: [4], values: [32767, -32768, 3, -3], quant: q },
        { dtype: 'int16', shape: [4], values: [32767, -32768, 0, 0], quant: q },
      ],
      { dtype: 'int16', shape: [4], quant: { scale: 2 ** -9, zeroPoint: 0 } },
    );
    expect(out).toEqual([32767, -32768, 2, -2]);
  });
});

describe('ADD float32 / int32', () => {
  it('adds floats in single precision with fused activations', () => {
    const ins: TensorDef[] = [
      { dtype: 'float32', shape: [4], values: [0.1, -2, 5, 1e30] },
      { dtype: 'float32', shape: [4], values: [0.2, 1, 3, 1e30] },
    ];
    const out = runOp('ADD', ins, { dtype: 'float32', shape: [4] });
    expect(out).toEqual([Math.fround(Math.fround(0.1) + Math.fround(0.2)), -1, 8, Math.fround(2e30)]);
    const relu6 = runOp(
      'ADD',
      ins,
      { dtype: 'float32', shape: [4] },
      { options: { fusedActivationFunction: 'RELU6' } },
    );
    expect(relu6).toEqual([Math.fround(Math.fround(0.1) + Math.fround(0.2)), 0, 6, 6]);
  });

  it('adds int32 with wrap-around and ignores the fused activation, as TFLM does', () => {
    const out = runOp(
      'ADD',
      [
        { dtype: 'int32', shape: [3], values: [2147483647, -5, 7] },
        { dtype: 'int32', shape: [1], values: [1], constant: true },
      ],
      { dtype: 'int32', shape: [3] },
      { options: { fusedActivationFunction: 'RELU' } },
    );
    expect(out).toEqual([-2147483648, -4, 8]);
  });
});

describe('ADD prepare errors', () => {
  const make = (inputs: TensorDef[], output: TensorDef) => () =>
    new Interpreter(graphOf('ADD', inputs, output));

  it('rejects shapes that do not broadcast and a wrong output shape', () => {
    expect(
      make([i8([2, 3], undefined, 1, 0), i8([2], undefined, 1, 0)], i8([2, 3], undefined, 1, 0)),
    ).toThrow(KernelPrepareError);
    expect(
      make([i8([2, 3], undefined, 1, 0), i8([3], undefined, 1, 0)], i8([3, 2], undefined, 1, 0)),
    ).toThrow(KernelPrepareError);
  });

  it('rejects mixed dtypes and unquantized int8', () => {
    expect(
      make([i8([2], undefined, 1, 0), { dtype: 'float32', shape: [2] }], i8([2], undefined, 1, 0)),
    ).toThrow(KernelPrepareError);
    expect(
      make(
        [
          { dtype: 'int8', shape: [2] },
          { dtype: 'int8', shape: [2] },
        ],
        { dtype: 'int8', shape: [2] },
      ),
    ).toThrow(KernelPrepareError);
  });

  it('reports dtypes and broadcast ranks TFLM does not run as unsupported', () => {
    const u8: TensorDef = { dtype: 'uint8', shape: [2], quant: { scale: 1, zeroPoint: 0 } };
    expect(make([u8, u8], u8)).toThrow(UnsupportedOperatorError);
    const f = (shape: number[]): TensorDef => ({ dtype: 'float32', shape });
    expect(make([f([2, 1, 1, 1, 1, 1, 3]), f([3])], f([2, 1, 1, 1, 1, 1, 3]))).toThrow(
      UnsupportedOperatorError,
    );
    expect(
      () => new Interpreter(graphOf('ADD', [f([2, 1, 1, 1, 1, 1, 3]), f([2, 1, 1, 1, 1, 1, 3])], f([6]))),
    ).not.toThrow();
  });
});
