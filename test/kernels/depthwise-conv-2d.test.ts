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

const OP = 'DEPTHWISE_CONV_2D';
const opts = (o: Record<string, unknown> = {}) => ({
  padding: 'VALID',
  strideW: 1,
  strideH: 1,
  depthMultiplier: 1,
  fusedActivationFunction: 'NONE',
  dilationWFactor: 1,
  dilationHFactor: 1,
  ...o,
});

describe('DEPTHWISE_CONV_2D int8 (hand-computed)', () => {
  // x = [1 2; 3 4]; depth multiplier 2: ch0 taps all 1, ch1 taps [1 -1; 0 2]; bias 1; scales 0.5, 0.25.
  const input: Operand = { dtype: 'int8', shape: [1, 2, 2, 1], values: [1, 2, 3, 4], quant: { scale: 1 } };
  const filter: Operand = {
    dtype: 'int8',
    shape: [1, 2, 2, 2],
    values: [1, 1, 1, -1, 1, 0, 1, 2],
    constant: true,
    quant: { scale: [0.5, 0.25], zeroPoint: [0, 0], quantizedDimension: 3 },
  };
  const bias: Operand = { dtype: 'int32', shape: [2], values: [1, 1], constant: true };

  it('computes a VALID window per output channel', () => {
    const output: Operand = { dtype: 'int8', shape: [1, 1, 1, 2], quant: { scale: 1 } };
    // ch0: 11 * 0.5 = 5.5 -> 6; ch1: (1 - 2 + 8 + 1) * 0.25 = 2
    expect(runConv(OP, [input, filter, bias], output, opts({ depthMultiplier: 2 }))).toEqual([6, 2]);
  });

  it('pads SAME windows after the input and rounds twice like TFLM', () => {
    const output: Operand = { dtype: 'int8', shape: [1, 2, 2, 2], quant: { scale: 1 } };
    // (1,1): ch1 = (4 + 1) * 0.25 = 1.25: the doubling high-mul gives 2.5 -> 3, the shift 1.5 -> 2.
    const got = runConv(OP, [input, filter, bias], output, opts({ depthMultiplier: 2, padding: 'SAME' }));
    expect(got).toEqual([6, 2, 4, 1, 4, 0, 3, 2]);
  });

  it('applies the input zero point and saturates', () => {
    const zp: Operand = {
      dtype: 'int8',
      shape: [1, 1, 1, 2],
      values: [-128, 127],
      quant: { scale: 1, zeroPoint: -128 },
    };
    const w: Operand = {
      dtype: 'int8',
      shape: [1, 1, 1, 2],
      values: [-127, 127],
      constant: true,
      quant: { scale: 1 },
    };
    const output: Operand = { dtype: 'int8', shape: [1, 1, 1, 2], quant: { scale: 1, zeroPoint: 5 } };
    // ch0: -127 * 0 + 5 = 5; ch1: 127 * 255 -> saturates at 127
    expect(runConv(OP, [zp, w, null], output, opts())).toEqual([5, 127]);
  });
});

describe('DEPTHWISE_CONV_2D 16x8 and float32 (hand-computed)', () => {
  it('uses the 64-bit requantization with an int64 bias', () => {
    const input: Operand = { dtype: 'int16', shape: [1, 1, 2, 1], values: [-30000, 5], quant: { scale: 1 } };
    const filter: Operand = {
      dtype: 'int8',
      shape: [1, 1, 2, 1],
      values: [2, 1],
      constant: true,
      quant: { scale: 1 },
    };
    const bias: Operand = { dtype: 'int64', shape: [1], values: [60000], constant: true };
    const output: Operand = { dtype: 'int16', shape: [1, 1, 1, 1], quant: { scale: 2 } };
    // -60000 + 5 + 60000 = 5 -> 2.5 -> 3 (half up)
    expect(runConv(OP, [input, filter, bias], output, opts())).toEqual([3]);
  });

  it('accumulates float32 windows with bias and RELU', () => {
    const input: Operand = { dtype: 'float32', shape: [1, 1, 2, 2], values: [1, -2, 3, 4] };
    const filter: Operand = {
      dtype: 'float32',
      shape: [1, 1, 2, 2],
      values: [0.5, 1, -1, 0.25],
      constant: true,
    };
    const bias: Operand = { dtype: 'float32', shape: [2], values: [0.25, 0], constant: true };
    const output: Operand = { dtype: 'float32', shape: [1, 1, 1, 2] };
    // ch0: 0.5 - 3 + 0.25 = -2.25 -> 0; ch1: -2 + 1 = -1 -> 0 under RELU
    expect(runConv(OP, [input, filter, bias], output, opts())).toEqual([-2.25, -1]);
    expect(runConv(OP, [input, filter, bias], output, opts({ fusedActivationFunction: 'RELU' }))).toEqual([
      0, 0,
    ]);
  });
});

function geometry(r: ReturnType<typeof rng>) {
  const padding = r.int(0, 1) ? 'SAME' : 'VALID';
  const [sh, sw, dh, dw, dm] = [r.int(1, 2), r.int(1, 3), r.int(1, 2), r.int(1, 2), r.int(1, 3)];
  const [fH, fW, inD] = [r.int(1, 3), r.int(1, 3), r.int(1, 4)];
  const [n, inH, inW] = [r.int(1, 2), r.int((fH - 1) * dh + 1, 7), r.int((fW - 1) * dw + 1, 7)];
  const out = (i: number, f: number, s: number, d: number) =>
    padding === 'SAME' ? Math.ceil(i / s) : Math.floor((i - (f - 1) * d - 1) / s) + 1;
  const ref: RefOp = {
    op: 'DEPTHWISE_CONV_2D',
    inShape: [n, inH, inW, inD],
    filterShape: [1, fH, fW, inD * dm],
    outShape: [n, out(inH, fH, sh, dh), out(inW, fW, sw, dw), inD * dm],
    strideH: sh,
    strideW: sw,
    dilationH: dh,
    dilationW: dw,
    padding,
  };
  return {
    ref,
    options: opts({
      padding,
      strideH: sh,
      strideW: sw,
      dilationHFactor: dh,
      dilationWFactor: dw,
      depthMultiplier: dm,
    }),
  };
}

describe('DEPTHWISE_CONV_2D against the plain reference (generated geometries)', () => {
  it('int8 and 16x8 match TFLM arithmetic exactly', () => {
    const r = rng(23);
    for (let i = 0; i < 60; i++) {
      const { ref, options } = geometry(r);
      const int16 = i % 2 === 1;
      const accumulator = int16 ? 'int64' : 'int32';
      const c = randomQuantCase(r, ref, {
        int16,
        biasLimit: 5000,
        filterScales: [0.002, 0.02],
        inScale: 0.05,
        outScale: int16 ? 0.5 : 0.1,
        accumulator,
        quantizedDimension: 3,
      });
      const bias: Operand = { dtype: accumulator, shape: [ref.outShape[3]], values: c.bias!, constant: true };
      expect(runConv(OP, [c.input, c.filter, bias], c.output, options), `case ${i}`).toEqual(
        refQuant(ref, c.x, c.w, c.bias, c.q),
      );
    }
  });

  it('float32 matches a double-precision reference', () => {
    const r = rng(29);
    for (let i = 0; i < 40; i++) {
      const { ref, options } = geometry(r);
      const { x, w, bias } = randomFloatCase(r, ref, true);
      const inputs: Operand[] = [
        { dtype: 'float32', shape: ref.inShape, values: x },
        { dtype: 'float32', shape: ref.filterShape, values: w, constant: true },
        { dtype: 'float32', shape: [ref.outShape[3]], values: bias!, constant: true },
      ];
      const got = runConv(OP, inputs, { dtype: 'float32', shape: ref.outShape }, options);
      expectNearReference(got, ref, x, w, bias, `case ${i}`);
    }
  });
});

describe('DEPTHWISE_CONV_2D configuration', () => {
  const input: Operand = { dtype: 'int8', shape: [1, 3, 3, 2], quant: { scale: 1 } };
  const q = { scale: [1, 1, 1, 1], zeroPoint: [0, 0, 0, 0], quantizedDimension: 3 };
  const filter: Operand = {
    dtype: 'int8',
    shape: [1, 3, 3, 4],
    values: new Array(36).fill(1),
    constant: true,
    quant: q,
  };
  const output: Operand = { dtype: 'int8', shape: [1, 1, 1, 4], quant: { scale: 1 } };
  const dm2 = opts({ depthMultiplier: 2 });

  it('declares scratch only for int4 weights', () => {
    expect(prepareConv(OP, [input, filter, null], output, dm2).scratchBytes).toBe(0);
    const int4: Operand = { ...filter, dtype: 'int4', values: new Uint8Array(18) };
    expect(prepareConv(OP, [input, int4, null], output, dm2).scratchBytes).toBe(36);
  });

  it('rejects inconsistent models with KernelPrepareError', () => {
    const cases = [
      prepareError(OP, [input, filter, null], output, opts({ depthMultiplier: 1 })),
      prepareError(
        OP,
        [input, { ...filter, shape: [2, 3, 3, 2], values: new Array(36).fill(1), quant: { scale: 1 } }, null],
        output,
        dm2,
      ),
      prepareError(OP, [input, filter, null], { ...output, shape: [1, 2, 1, 4] }, dm2),
      prepareError(OP, [input, filter, null], output, opts({ depthMultiplier: 2, dilationHFactor: 0 })),
    ];
    for (const e of cases) expect(e).toBeInstanceOf(KernelPrepareError);
  });

  it('reports an int16 input with an int32 bias as unsupported (TFLM reads an int64 bias)', () => {
    const i16: Operand = { ...input, dtype: 'int16' };
    const bias: Operand = { dtype: 'int32', shape: [4], values: [0, 0, 0, 0], constant: true };
    const e = prepareError(OP, [i16, filter, bias], { ...output, dtype: 'int16' }, dm2);
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});
