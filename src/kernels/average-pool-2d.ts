// Reproduces TFLM reference AVERAGE_POOL_2D: pooling_common.cc PoolingPrepare with reference/pooling.h AveragePool (float32) and integer_ops/pooling.h AveragePool (int8, int16).
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { activationRangeFloat, activationRangeQuantized } from '../quant/activation.js';
import type { Padding } from '../tflite/schema.js';
import { clampActivation, requirePositive, requireRank4 } from './common/conv-params.js';
import { tensorZeroPoint } from './common/fc-params.js';
import { computePadding } from './common/padding.js';
import { defineKernel, type PrepareContext } from './types.js';

export type PoolDType = 'float32' | 'int8' | 'int16';

export interface PoolParams {
  dtype: PoolDType;
  input: number;
  output: number;
  batches: number;
  inH: number;
  inW: number;
  depth: number;
  outH: number;
  outW: number;
  filterH: number;
  filterW: number;
  strideH: number;
  strideW: number;
  /** Leading padding (TFLM's padding_values): windows start at out * stride - pad. */
  padH: number;
  padW: number;
  actMin: number;
  actMax: number;
}

function checkQuantization(ctx: PrepareContext, input: GraphTensor, output: GraphTensor): void {
  const si = input.quant?.scale[0];
  const so = output.quant?.scale[0];
  if (si === undefined || so === undefined) ctx.fail('quantized pooling needs input and output scales');
  if (Math.abs(Math.fround(si - so)) > 1e-6) ctx.fail('input and output scales must match');
  if (tensorZeroPoint(input) !== tensorZeroPoint(output)) ctx.fail('input and output zero points must match');
}

/** The fused activation's clamp range; quantized pools also keep their input quantization. */
function activationRange(ctx: PrepareContext, input: GraphTensor, output: GraphTensor): [number, number] {
  const act = clampActivation(ctx);
  if (input.dtype === 'float32') return activationRangeFloat(act);
  checkQuantization(ctx, input, output);
  const dtype = input.dtype as 'int8' | 'int16';
  return activationRangeQuantized(act, dtype, output.quant!.scale[0], tensorZeroPoint(output));
}

/** PoolingPrepare / L2Prepare: geometry, padding, activation range, dtype and quantization checks. */
export function preparePool(ctx: PrepareContext, dtypes: readonly PoolDType[]): PoolParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (!(dtypes as readonly string[]).includes(input.dtype)) ctx.unsupported(`input dtype ${input.dtype}`);
  if (output.dtype !== input.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  requireRank4(ctx, input, 'input');
  requireRank4(ctx, output, 'output');
  const o = ctx.op.options;
  const window = {
    strideH: o.strideH as number,
    strideW: o.strideW as number,
    filterH: o.filterHeight as number,
    filterW: o.filterWidth as number,
  };
  requirePositive(ctx, window);
  const [batches, inH, inW, depth] = input.shape;
  const [, outH, outW] = output.shape;
  if (output.shape[0] !== batches || output.shape[3] !== depth)
    ctx.fail(`output [${output.shape}] does not match the batches and depth of input [${input.shape}]`);
  const pad = computePadding({ padding: o.padding as Padding, ...window, inH, inW });
  if (pad.outHeight !== outH || pad.outWidth !== outW)
    ctx.fail(`output is ${outH}x${outW} but the window gives ${pad.outHeight}x${pad.outWidth}`);
  const [actMin, actMax] = activationRange(ctx, input, output);
  const shape = { batches, inH, inW, depth, outH, outW, ...window, padH: pad.height, padW: pad.width };
  return {
    dtype: input.dtype as PoolDType,
    input: input.index,
    output: output.index,
    ...shape,
    actMin,
    actMax,
  };
}

/** Calls visit(outputBase, inputIndices) for every output pixel; the indices step by channel. */
export function forEachWindow(p: PoolParams, visit: (outBase: number, window: number[]) => void): void {
  for (let b = 0; b < p.batches; b++) {
    for (let oy = 0; oy < p.outH; oy++) {
      const y0 = oy * p.strideH - p.padH;
      const yStart = Math.max(0, -y0);
      const yEnd = Math.min(p.filterH, p.inH - y0);
      for (let ox = 0; ox < p.outW; ox++) {
        const x0 = ox * p.strideW - p.padW;
        const xStart = Math.max(0, -x0);
        const xEnd = Math.min(p.filterW, p.inW - x0);
        const window: number[] = [];
        for (let fy = yStart; fy < yEnd; fy++)
          for (let fx = xStart; fx < xEnd; fx++)
            window.push(((b * p.inH + y0 + fy) * p.inW + x0 + fx) * p.depth);
        visit(((b * p.outH + oy) * p.outW + ox) * p.depth, window);
      }
    }
  }
}

/** ActivationFunctionWithMinMax: std::min(std::max(x, lo), hi); NaN and -0 pass through. */
export function clampFloat(x: number, lo: number, hi: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max(-0, 0) is 0, std::max keeps -0.
  const y = x < lo ? lo : x;
  // biome-ignore lint/complexity/useMathMinMax: same -0 semantics as std::min.
  return hi < y ? hi : y;
}

function evalFloat(p: PoolParams, input: Float32Array, output: Float32Array): void {
  forEachWindow(p, (outBase, window) => {
    const count = window.length;
    for (let c = 0; c < p.depth; c++) {
      let total = 0;
      for (const i of window) total = Math.fround(total + input[i + c]);
      output[outBase + c] = clampFloat(Math.fround(total / count), p.actMin, p.actMax);
    }
  });
}

function evalInteger(p: PoolParams, input: Int8Array | Int16Array, output: Int8Array | Int16Array): void {
  forEachWindow(p, (outBase, window) => {
    const count = window.length;
    const half = count >> 1;
    for (let c = 0; c < p.depth; c++) {
      let acc = 0;
      for (const i of window) acc += input[i + c];
      // Rounds half away from zero with C's truncating division.
      const avg = Math.trunc(acc > 0 ? (acc + half) / count : (acc - half) / count);
      output[outBase + c] = Math.min(Math.max(avg, p.actMin), p.actMax);
    }
  });
}

function evalAveragePool(p: PoolParams, store: TensorStore): void {
  if (p.dtype === 'float32') evalFloat(p, store.f32(p.input), store.f32(p.output));
  else if (p.dtype === 'int8') evalInteger(p, store.i8(p.input), store.i8(p.output));
  else evalInteger(p, store.i16(p.input), store.i16(p.output));
}

export const averagePool2d = defineKernel<PoolParams>({
  op: 'AVERAGE_POOL_2D',
  prepare: (ctx) => preparePool(ctx, ['float32', 'int8', 'int16']),
  eval: evalAveragePool,
});
