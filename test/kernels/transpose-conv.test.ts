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

const OP = 'TRANSPOSE_CONV';
const opts = (o: Record<string, unknown> = {}) => ({
  padding: 'VALID',
  strideW: 1,
  strideH: 1,
  fusedActivationFunction: 'NONE',
  ...o,
});
const shapeOf = (shape: number[]): Operand => ({ dtype: 'int32', shape: [4], values: shape, constant: true });

describe('TRANSPOSE_CONV (hand-computed)', () => {
  // x = [1 2; 3 4] scattered through w = [1 2; 3 4]
  const x: Operand = { dtype: 'float32', shape: [1, 2, 2, 1], values: [1, 2, 3, 4] };
  const w: Operand = { dtype: 'float32', shape: [1, 2, 2, 1], values: [1, 2, 3, 4], constant: true };

  it('places each input block apart with stride 2 (float32)', () => {
    const out: Operand = { dtype: 'float32', shape: [1, 4, 4, 1] };
    expect(runConv(OP, [shapeOf(out.shape), w, x, null], out, opts({ strideH: 2, strideW: 2 }))).toEqual([
      1, 2, 2, 4, 3, 4, 6, 8, 3, 6, 4, 8, 9, 12, 12, 16,
    ]);
  });

  it('overlaps blocks with stride 1, adds the bias and clamps (float32)', () => {
    const out: Operand = { dtype: 'float32', shape: [1, 3, 3, 1] };
    const bias: Operand = { dtype: 'float32', shape: [1], values: [-5], constant: true };
    const got = runConv(
      OP,
      [shapeOf(out.shape), w, x, bias],
      out,
      opts({ fusedActivationFunction: 'RELU6' }),
    );
    // 1 4 4 / 6 20 16 / 9 24 16, minus 5, into [0, 6]
    expect(got).toEqual([0, 0, 0, 1, 6, 6, 4, 6, 6]);
  });

  it('applies the input zero point and per-channel multipliers (int8)', () => {
    const q: Operand = {
      dtype: 'int8',
      shape: [1, 2, 2, 1],
      values: [0, 1, 2, 3],
      quant: { scale: 1, zeroPoint: -1 },
    };
    const filter: Operand = {
      dtype: 'int8',
      shape: [2, 2, 2, 1],
      values: [1, 2, 3, 4, -1, -2, -3, -4],
      constant: true,
      quant: { scale: [1, 0.5], zeroPoint: [0, 0], quantizedDimension: 0 },
    };
    const out: Operand = { dtype: 'int8', shape: [1, 3, 3, 2], quant: { scale: 2, zeroPoint: 1 } };
    // sums 1 4 4 / 6 20 16 / 9 24 16; ch0 / 2: 1 -> 1, 9 -> 5; ch1 / -4: -1 -> 0, -6 -> -2, -9 -> -2; zero point 1
    expect(runConv(OP, [shapeOf(out.shape), filter, q, null], out, opts())).toEqual([
      2, 1, 3, 0, 3, 0, 4, -1, 11, -4, 9, -3, 6, -1, 13, -5, 9, -3,
    ]);
  });

  it('widens an int16 bias to the 64-bit path (16x8)', () => {
    const q: Operand = { dtype: 'int16', shape: [1, 1, 1, 1], values: [3000], quant: { scale: 1 } };
    const filter: Operand = {
      dtype: 'int8',
      shape: [1, 1, 2, 1],
      values: [10, -10],
      constant: true,
      quant: { scale: 1 },
    };
    const out: Operand = { dtype: 'int16', shape: [1, 1, 2, 1], quant: { scale: 2 } };
    const i16: Operand = { dtype: 'int16', shape: [1], values: [1], constant: true };
    const i64: Operand = { dtype: 'int64', shape: [1], values: [1], constant: true };
    // 30001 / 2 = 15000.5 -> 15001 (half up); -29999 / 2 = -14999.5 -> -14999
    expect(runConv(OP, [shapeOf(out.shape), filter, q, i16], out, opts())).toEqual([15001, -14999]);
    expect(runConv(OP, [shapeOf(out.shape), filter, q, i64], out, opts())).toEqual([15001, -14999]);
  });
});

/** A random geometry whose output size is one a forward conv of the output would map back. */
function geometry(r: ReturnType<typeof rng>) {
  const padding = r.int(0, 1) ? 'SAME' : 'VALID';
  const [sh, sw, fH, fW] = [r.int(1, 3), r.int(1, 2), r.int(1, 4), r.int(1, 3)];
  const [n, inH, inW, inD, outD] = [r.int(1, 2), r.int(1, 4), r.int(1, 5), r.int(1, 3), r.int(1, 3)];
  const size = (i: number, s: number, f: number) =>
    padding === 'SAME' ? (i - 1) * s + r.int(1, s) : (i - 1) * s + f + r.int(0, s - 1);
  const ref: RefOp = {
    op: OP,
    inShape: [n, inH, inW, inD],
    filterShape: [outD, fH, fW, inD],
    outShape: [n, size(inH, sh, fH), size(inW, sw, fW), outD],
    strideH: sh,
    strideW: sw,
    padding,
  };
  return { ref, options: opts({ padding, strideH: sh, strideW: sw }) };
}

describe('TRANSPOSE_CONV against the plain reference (generated geometries)', () => {
  it('int8 and 16x8 match TFLM arithmetic exactly', () => {
    const r = rng(31);
    for (let i = 0; i < 60; i++) {
      const { ref, options } = geometry(r);
      const int16 = i % 2 === 1;
      const c = randomQuantCase(r, ref, {
        int16,
        biasLimit: i % 4 === 3 ? null : 3000,
        filterScales: [0.002, 0.02],
        inScale: 0.05,
        outScale: int16 ? 0.5 : 0.1,
        accumulator: int16 ? 'int64' : 'int32',
      });
      const biasType = int16 ? (i % 8 === 1 ? 'int16' : 'int64') : 'int32';
      const bias: Operand | null = c.bias && {
        dtype: biasType,
        shape: [ref.outShape[3]],
        values: c.bias,
        constant: true,
      };
      const inputs = [shapeOf(ref.outShape), c.filter, c.input, bias];
      expect(runConv(OP, inputs, c.output, options), `case ${i}`).toEqual(
        refQuant(ref, c.x, c.w, c.bias, c.q),
      );
    }
  });

  it('float32 matches a double-precision reference', () => {
    const r = rng(37);
    for (let i = 0; i < 40; i++) {
      const { ref, options } = geometry(r);
      const { x, w, bias } = randomFloatCase(r, ref, true);
      const inputs: Operand[] = [
        shapeOf(ref.outShape),
        { dtype: 'float32', shape: ref.filterShape, values: w, constant: true },
        { dtype: 'float32', shape: ref.inShape, values: x },
        { dtype: 'float32', shape: [ref.outShape[3]], values: bias!, constant: true },
      ];
      const got = runConv(OP, inputs, { dtype: 'float32', shape: ref.outShape }, options);
      expectNearReference(got, ref, x, w, bias, `case ${i}`);
    }
  });
});

describe('TRANSPOSE_CONV configuration', () => {
  const input: Operand = { dtype: 'int8', shape: [1, 2, 2, 3], quant: { scale: 1 } };
  const filter: Operand = {
    dtype: 'int8',
    shape: [4, 3, 3, 3],
    values: new Array(108).fill(1),
    constant: true,
    quant: { scale: 1 },
  };
  const output: Operand = { dtype: 'int8', shape: [1, 4, 4, 4], quant: { scale: 1 } };
  const s2 = opts({ padding: 'SAME', strideH: 2, strideW: 2 });
  const run = (inp: Operand, out: Operand, bias: Operand | null = null, o = s2) =>
    prepareConv(OP, [shapeOf(out.shape), { ...filter }, inp, bias], out, o).scratchBytes;

  it('needs no scratch: the C kernel gathers instead of accumulating per output', () => {
    expect(run(input, output)).toBe(0);
    const i16 = { ...input, dtype: 'int16' as const };
    const o16 = { ...output, dtype: 'int16' as const };
    expect(run(i16, o16, { dtype: 'int16', shape: [4], values: [0, 0, 0, 0], constant: true })).toBe(0);
    const f = (o: Operand): Operand => ({ dtype: 'float32', shape: o.shape, values: o.values });
    expect(
      prepareConv(OP, [shapeOf(output.shape), f(filter), f(input), null], f(output), s2).scratchBytes,
    ).toBe(0);
  });

  it('rejects inconsistent models with KernelPrepareError', () => {
    const cases = [
      prepareError(OP, [shapeOf([1, 4, 4, 5]), filter, input, null], output, s2),
      prepareError(OP, [shapeOf([1, 6, 6, 4]), filter, input, null], { ...output, shape: [1, 6, 6, 4] }, s2),
      prepareError(OP, [shapeOf(output.shape), filter, { ...input, shape: [1, 2, 2, 2] }, null], output, s2),
    ];
    for (const e of cases) expect(e).toBeInstanceOf(KernelPrepareError);
  });

  it('reports a fused activation on a quantized op as unsupported (TFLM drops it)', () => {
    const e = prepareError(OP, [shapeOf(output.shape), filter, input, null], output, {
      ...s2,
      fusedActivationFunction: 'RELU',
    });
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
    expect(e?.message).toMatch(/fused activation RELU/);
  });
});
