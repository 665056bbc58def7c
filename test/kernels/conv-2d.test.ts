import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { type RefOp, refQuant } from './conv-reference.js';
import {
  expectNearReference,
  type Operand,
  prepareConv,
  prepareError,
  randomFloatCase,
  randomQuantCase,
  rng,
  runConv,
} from './conv-support.js';

const opts = (o: Record<string, unknown> = {}) => ({
  padding: 'VALID',
  strideW: 1,
  strideH: 1,
  fusedActivationFunction: 'NONE',
  dilationWFactor: 1,
  dilationHFactor: 1,
  ...o,
});

describe('CONV_2D int8 (hand-computed)', () => {
  it('applies input/output zero points, bias and per-channel multipliers', () => {
    // x - zp = 1..9 on a 3x3 grid; ch0 = diagonal taps (+2) * 0.5, ch1 = 2x2 sum (-1) * 0.25.
    const input: Operand = {
      dtype: 'int8',
      shape: [1, 3, 3, 1],
      values: [0, 1, 2, 3, 4, 5, 6, 7, 8],
      quant: { scale: 0.5, zeroPoint: -1 },
    };
    const filter: Operand = {
      dtype: 'int8',
      shape: [2, 2, 2, 1],
      values: [1, 0, 0, 1, 1, 1, 1, 1],
      constant: true,
      quant: { scale: [1, 0.5], zeroPoint: [0, 0], quantizedDimension: 0 },
    };
    const bias: Operand = { dtype: 'int32', shape: [2], values: [2, -1], constant: true };
    const output: Operand = { dtype: 'int8', shape: [1, 2, 2, 2], quant: { scale: 1, zeroPoint: 3 } };
    // ch0: 8,10,14,16 -> 4,5,7,8; ch1: 11,15,23,27 -> 2.75,3.75,5.75,6.75 -> 3,4,6,7; then +3.
    expect(runConv('CONV_2D', [input, filter, bias], output, opts())).toEqual([7, 6, 8, 7, 10, 9, 11, 10]);
  });

  it('saturates at the int8 limits and clamps to the fused RELU6 range', () => {
    const input: Operand = {
      dtype: 'int8',
      shape: [1, 1, 1, 2],
      values: [-128, 127],
      quant: { scale: 1, zeroPoint: 127 },
    };
    const filter: Operand = {
      dtype: 'int8',
      shape: [2, 1, 1, 2],
      values: [127, -128, -127, 5],
      constant: true,
      quant: { scale: 1 },
    };
    // acc = -32385 and +32385
    const plain: Operand = { dtype: 'int8', shape: [1, 1, 1, 2], quant: { scale: 1, zeroPoint: -128 } };
    expect(runConv('CONV_2D', [input, filter, null], plain, opts())).toEqual([-128, 127]);
    // scale 0.5: RELU6 range is [-128, -128 + 12]; the multiplier 2 is a left shift.
    const relu6: Operand = { dtype: 'int8', shape: [1, 1, 1, 2], quant: { scale: 0.5, zeroPoint: -128 } };
    const act = opts({ fusedActivationFunction: 'RELU6' });
    expect(runConv('CONV_2D', [input, filter, null], relu6, act)).toEqual([-128, -116]);
  });

  it('reads int4 weights like their unpacked int8 values and declares the unpacking scratch', () => {
    const input: Operand = {
      dtype: 'int8',
      shape: [1, 1, 2, 3],
      values: [1, -2, 3, 4, 5, -6],
      quant: { scale: 0.25 },
    };
    const w = [7, -8, 1, -1, 0, 3];
    const packed = new Uint8Array([
      (w[0] & 15) | ((w[1] & 15) << 4),
      (w[2] & 15) | ((w[3] & 15) << 4),
      (w[4] & 15) | ((w[5] & 15) << 4),
    ]);
    const q = { scale: [0.5, 0.25], zeroPoint: [0, 0], quantizedDimension: 0 };
    const int4: Operand = { dtype: 'int4', shape: [2, 1, 1, 3], values: packed, constant: true, quant: q };
    const int8: Operand = { dtype: 'int8', shape: [2, 1, 1, 3], values: w, constant: true, quant: q };
    const output: Operand = { dtype: 'int8', shape: [1, 1, 2, 2], quant: { scale: 0.125, zeroPoint: 1 } };
    const expected = runConv('CONV_2D', [input, int8, null], output, opts());
    expect(runConv('CONV_2D', [input, int4, null], output, opts())).toEqual(expected);
    // ch0 (x1): 7 + 16 + 3 = 26, 28 - 40 - 6 = -18; ch1 (x0.5): -1 + 9 = 8, -4 - 18 = -22; zero point 1
    expect(expected).toEqual([27, 5, -17, -10]);
    expect(prepareConv('CONV_2D', [input, int4, null], output, opts()).scratchBytes).toBe(6);
    expect(prepareConv('CONV_2D', [input, int8, null], output, opts()).scratchBytes).toBe(0);
  });

  it('declares two gathered int8 windows of scratch when a window spans several taps', () => {
    const input: Operand = { dtype: 'int8', shape: [1, 3, 3, 2], quant: { scale: 0.5 } };
    const q = { scale: 0.5 };
    const filter: Operand = {
      dtype: 'int8',
      shape: [4, 2, 3, 2],
      values: Array(48).fill(1),
      constant: true,
      quant: q,
    };
    const output: Operand = { dtype: 'int8', shape: [1, 2, 1, 4], quant: { scale: 1 } };
    expect(prepareConv('CONV_2D', [input, filter, null], output, opts()).scratchBytes).toBe(2 * 2 * 3 * 2);
  });
});

describe('CONV_2D 16x8 (hand-computed)', () => {
  const input: Operand = { dtype: 'int16', shape: [1, 1, 1, 1], values: [5], quant: { scale: 1 } };
  const filter: Operand = {
    dtype: 'int8',
    shape: [2, 1, 1, 1],
    values: [1, -1],
    constant: true,
    quant: { scale: 1 },
  };
  const output: Operand = { dtype: 'int16', shape: [1, 1, 1, 2], quant: { scale: 2 } };

  it('rounds half up with the 64-bit requantization (int64 bias)', () => {
    const bias: Operand = { dtype: 'int64', shape: [2], values: [0, 0], constant: true };
    // 5 * 0.5 = 2.5 -> 3; -5 * 0.5 = -2.5 -> -2
    expect(runConv('CONV_2D', [input, filter, bias], output, opts())).toEqual([3, -2]);
  });

  it('handles accumulators beyond 2^37 exactly', () => {
    const big: Operand = { dtype: 'int16', shape: [1, 1, 1, 2], quant: { scale: 2 ** 30 } };
    const bias: Operand = { dtype: 'int64', shape: [2], values: [2 ** 40 + 5, -(2 ** 41)], constant: true };
    expect(runConv('CONV_2D', [input, filter, bias], big, opts())).toEqual([1024, -2048]);
  });

  it('uses the int32 accumulator and requantization without an int64 bias', () => {
    const bias: Operand = { dtype: 'int32', shape: [2], values: [1, 0], constant: true };
    // (5 + 1) * 0.5 = 3; -5 * 0.5 = -2.5 -> -2 (SaturatingRoundingDoublingHighMul nudge)
    expect(runConv('CONV_2D', [input, filter, bias], output, opts())).toEqual([3, -2]);
    expect(runConv('CONV_2D', [input, filter, null], output, opts())).toEqual([3, -2]);
  });
});

describe('CONV_2D float32', () => {
  it('computes a hand-checked window with bias and fused activations', () => {
    const input: Operand = { dtype: 'float32', shape: [1, 2, 2, 1], values: [1, 2, 3, 4] };
    const filter: Operand = {
      dtype: 'float32',
      shape: [1, 2, 2, 1],
      values: [0.5, -1, 2, 0.25],
      constant: true,
    };
    const bias: Operand = { dtype: 'float32', shape: [1], values: [0.1], constant: true };
    const output: Operand = { dtype: 'float32', shape: [1, 1, 1, 1] };
    expect(runConv('CONV_2D', [input, filter, bias], output, opts())[0]).toBeCloseTo(5.6, 6);
    expect(
      runConv('CONV_2D', [input, filter, bias], output, opts({ fusedActivationFunction: 'RELU_N1_TO_1' })),
    ).toEqual([1]);
  });
});

interface Generated {
  ref: RefOp;
  options: ReturnType<typeof opts>;
  filterD: number;
}

/** A random geometry: padding, strides, dilations, groups, batches. */
function geometry(r: ReturnType<typeof rng>): Generated {
  const padding = r.int(0, 1) ? 'SAME' : 'VALID';
  const [sh, sw, dh, dw] = [r.int(1, 3), r.int(1, 2), r.int(1, 2), r.int(1, 3)];
  const [fH, fW] = [r.int(1, 3), r.int(1, 4)];
  const groups = r.int(1, 2);
  const filterD = r.int(1, 3);
  const inD = groups * filterD;
  const outD = groups * r.int(1, 3);
  const [n, inH, inW] = [r.int(1, 2), r.int((fH - 1) * dh + 1, 7), r.int((fW - 1) * dw + 1, 8)];
  const out = (i: number, f: number, s: number, d: number) =>
    padding === 'SAME' ? Math.ceil(i / s) : Math.floor((i - (f - 1) * d - 1) / s) + 1;
  const ref: RefOp = {
    op: 'CONV_2D',
    inShape: [n, inH, inW, inD],
    filterShape: [outD, fH, fW, filterD],
    outShape: [n, out(inH, fH, sh, dh), out(inW, fW, sw, dw), outD],
    strideH: sh,
    strideW: sw,
    dilationH: dh,
    dilationW: dw,
    padding,
  };
  const options = opts({ padding, strideH: sh, strideW: sw, dilationHFactor: dh, dilationWFactor: dw });
  return { ref, options, filterD };
}

describe('CONV_2D against the plain reference (generated geometries)', () => {
  it('int8 and 16x8 match TFLM arithmetic exactly', () => {
    const r = rng(7);
    for (let i = 0; i < 60; i++) {
      const { ref, options } = geometry(r);
      const wide = i % 3 === 1;
      const int16 = i % 3 !== 0;
      const accumulator = wide ? 'int64' : 'int32';
      const c = randomQuantCase(r, ref, {
        int16,
        biasLimit: 5000,
        filterScales: [0.001, 0.01],
        inScale: 0.05,
        outScale: int16 ? 0.5 : 0.2,
        accumulator,
      });
      const act = r.int(0, 1) ? 'RELU' : 'NONE';
      const actMin = act === 'RELU' ? Math.max(c.q.actMin, c.q.outZp) : c.q.actMin;
      const bias: Operand = { dtype: accumulator, shape: [ref.outShape[3]], values: c.bias!, constant: true };
      const got = runConv('CONV_2D', [c.input, c.filter, bias], c.output, {
        ...options,
        fusedActivationFunction: act,
      });
      expect(got, `case ${i}`).toEqual(refQuant(ref, c.x, c.w, c.bias, { ...c.q, actMin }));
    }
  });

  it('float32 matches a double-precision reference', () => {
    const r = rng(11);
    for (let i = 0; i < 40; i++) {
      const { ref, options } = geometry(r);
      const { x, w, bias } = randomFloatCase(r, ref, i % 2 === 1);
      const inputs: (Operand | null)[] = [
        { dtype: 'float32', shape: ref.inShape, values: x },
        { dtype: 'float32', shape: ref.filterShape, values: w, constant: true },
        bias && { dtype: 'float32', shape: [ref.outShape[3]], values: bias, constant: true },
      ];
      const got = runConv('CONV_2D', inputs, { dtype: 'float32', shape: ref.outShape }, options);
      expectNearReference(got, ref, x, w, bias, `case ${i}`);
    }
  });
});

describe('CONV_2D configuration errors', () => {
  const input: Operand = { dtype: 'int8', shape: [1, 4, 4, 2], quant: { scale: 1 } };
  const filter: Operand = {
    dtype: 'int8',
    shape: [3, 3, 3, 2],
    values: new Array(54).fill(1),
    constant: true,
    quant: { scale: 1 },
  };
  const output: Operand = { dtype: 'int8', shape: [1, 2, 2, 3], quant: { scale: 1 } };

  it('accepts the consistent configuration', () => {
    expect(prepareError('CONV_2D', [input, filter, null], output, opts())).toBeNull();
  });

  it('rejects inconsistent models with KernelPrepareError', () => {
    const cases: [string, ReturnType<typeof prepareError>][] = [
      [
        'output size',
        prepareError('CONV_2D', [input, filter, null], { ...output, shape: [1, 3, 2, 3] }, opts()),
      ],
      ['stride 0', prepareError('CONV_2D', [input, filter, null], output, opts({ strideW: 0 }))],
      [
        'per-channel dimension',
        prepareError(
          'CONV_2D',
          [input, { ...filter, quant: { scale: [1, 1], zeroPoint: [0, 0], quantizedDimension: 3 } }, null],
          output,
          opts(),
        ),
      ],
      [
        'filter zero point',
        prepareError(
          'CONV_2D',
          [input, { ...filter, quant: { scale: 1, zeroPoint: 3 } }, null],
          output,
          opts(),
        ),
      ],
      ['depth', prepareError('CONV_2D', [{ ...input, shape: [1, 4, 4, 3] }, filter, null], output, opts())],
      [
        'bias size',
        prepareError(
          'CONV_2D',
          [input, filter, { dtype: 'int32', shape: [2], values: [0, 0], constant: true }],
          output,
          opts(),
        ),
      ],
    ];
    for (const [what, e] of cases) expect(e, what).toBeInstanceOf(KernelPrepareError);
  });

  it('reports dtypes and activations it does not run as unsupported', () => {
    const floatFilter: Operand = {
      dtype: 'float32',
      shape: [3, 3, 3, 2],
      values: new Array(54).fill(1),
      constant: true,
    };
    const int64Bias: Operand = { dtype: 'int64', shape: [3], values: [0, 0, 0], constant: true };
    const uint8: Operand = { ...input, dtype: 'uint8' };
    const cases = [
      prepareError('CONV_2D', [input, floatFilter, null], output, opts()),
      prepareError('CONV_2D', [input, filter, int64Bias], output, opts()),
      prepareError('CONV_2D', [uint8, filter, null], { ...output, dtype: 'uint8' }, opts()),
      prepareError('CONV_2D', [input, filter, null], output, opts({ fusedActivationFunction: 'TANH' })),
    ];
    for (const e of cases) expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});
