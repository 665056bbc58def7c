// Reproduces TFLM reference TRANSPOSE_CONV: integer_ops/transpose_conv.h (int8 per-channel with an int32 scratch, 16x8 with int16/int64 bias and an int64 scratch), reference/transpose_conv.h (float32).
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import type { Padding } from '../tflite/schema.js';
import { biasValues, clampFloatChannels, requantizeChannels } from './common/conv-eval.js';
import {
  type BiasKind,
  biasKind,
  type ConvTensors,
  checkConvTypes,
  clampActivation,
  convQuantization,
  convTensors,
  type QuantizedConvParams,
  requirePositive,
  requireRank4,
  type WindowGeometry,
} from './common/conv-params.js';
import { computePadding } from './common/padding.js';
import { defineKernel, type PrepareContext } from './types.js';

type Geometry = Omit<WindowGeometry, 'dilationH' | 'dilationW'>;

/** Inputs are (output_shape, weights, input, bias?); TFLM ignores output_shape at run time. */
export interface TransposeConvParams extends Geometry, QuantizedConvParams, ConvTensors {}

function checkOutputShape(ctx: PrepareContext, shapeTensor: GraphTensor, output: GraphTensor): void {
  if (shapeTensor.dtype !== 'int32') ctx.fail(`output_shape must be int32, got ${shapeTensor.dtype}`);
  const d = shapeTensor.data;
  if (!d) return;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const dims = Array.from({ length: d.byteLength >> 2 }, (_, i) => view.getInt32(i * 4, true));
  if (dims.join() !== output.shape.join())
    ctx.fail(`output_shape [${dims}] differs from the output tensor [${output.shape}]`);
}

/** Padding is computed in the forward-conv direction: the output is the window's input. */
function geometry(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  output: GraphTensor,
): Geometry {
  requireRank4(ctx, input, 'input');
  requireRank4(ctx, filter, 'filter');
  requireRank4(ctx, output, 'output');
  const o = ctx.op.options;
  const strides = { strideH: o.strideH as number, strideW: o.strideW as number };
  requirePositive(ctx, strides);
  const [batches, inH, inW, inD] = input.shape;
  const [outD, filterH, filterW, filterD] = filter.shape;
  const [outBatches, outH, outW, outChannels] = output.shape;
  if (outBatches !== batches) ctx.fail(`output batches ${outBatches} differ from input batches ${batches}`);
  if (filterD !== inD) ctx.fail(`filter depth ${filterD} differs from input depth ${inD}`);
  if (outChannels !== outD) ctx.fail(`filter has ${outD} output channels, output ${outChannels}`);
  const pad = computePadding({
    padding: o.padding as Padding,
    ...strides,
    inH: outH,
    inW: outW,
    filterH,
    filterW,
  });
  if (pad.outHeight !== inH || pad.outWidth !== inW)
    ctx.fail(`a ${outH}x${outW} output does not come from a ${inH}x${inW} input with these strides`);
  return {
    batches,
    inH,
    inW,
    inD,
    filterH,
    filterW,
    outH,
    outW,
    outD,
    ...strides,
    padH: pad.height,
    padW: pad.width,
  };
}

const BIAS_FOR: Record<string, BiasKind[]> = {
  float32: ['float32'],
  int8: ['int32'],
  int16: ['int16', 'int64'],
};

function prepare(ctx: PrepareContext): TransposeConvParams {
  const input = ctx.input(2);
  const filter = ctx.input(1);
  const bias = ctx.optionalInput(3);
  const output = ctx.output(0);
  checkConvTypes(ctx, { input, filter, output }, ['float32/float32', 'int8/int8', 'int16/int8']);
  checkOutputShape(ctx, ctx.input(0), output);
  const g = geometry(ctx, input, filter, output);
  const act = clampActivation(ctx);
  const base = {
    ...g,
    ...convTensors(input, filter, bias, output, biasKind(ctx, bias, g.outD, BIAS_FOR[input.dtype])),
  };
  // TFLM requantizes quantized transpose convolutions without the fused activation.
  if (input.dtype !== 'float32' && act !== 'NONE')
    ctx.unsupported(`fused activation ${act} on a quantized TRANSPOSE_CONV`);
  return {
    ...base,
    ...convQuantization(ctx, { input, filter, output }, g.outD, 0, act, input.dtype === 'int16'),
  };
}

/**
 * The reference "scatter": every input element adds its products to the outputs it reaches,
 * in TFLM's loop order. `add(i, product)` accumulates into output element i.
 */
function scatterInput(
  p: TransposeConvParams,
  x: Int8Array | Int16Array | Float32Array,
  w: Int8Array | Float32Array,
  acc: Float64Array | Float32Array,
  round: boolean,
): void {
  const { inH, inW, inD, filterH, filterW, outH, outW, outD, inputOffset } = p;
  const filterSize = filterH * filterW * inD;
  let xi = 0;
  for (let b = 0; b < p.batches; b++) {
    for (let iy = 0; iy < inH; iy++) {
      for (let ix = 0; ix < inW; ix++) {
        for (let ic = 0; ic < inD; ic++, xi++) {
          const xv = x[xi] + inputOffset;
          for (let fy = 0; fy < filterH; fy++) {
            const oy = iy * p.strideH - p.padH + fy;
            if (oy < 0 || oy >= outH) continue;
            for (let fx = 0; fx < filterW; fx++) {
              const ox = ix * p.strideW - p.padW + fx;
              if (ox < 0 || ox >= outW) continue;
              const o = ((b * outH + oy) * outW + ox) * outD;
              let wi = (fy * filterW + fx) * inD + ic;
              for (let oc = 0; oc < outD; oc++, wi += filterSize)
                acc[o + oc] += round ? Math.fround(xv * w[wi]) : xv * w[wi];
            }
          }
        }
      }
    }
  }
}

function evalInt(p: TransposeConvParams, store: TensorStore): void {
  const int8 = p.dtype === 'int8';
  const y = int8 ? store.i8(p.output) : store.i16(p.output);
  // Exact sums stand in for TFLM's int32 (int8) or int64 (16x8) scratch buffer.
  const acc = new Float64Array(y.length);
  scatterInput(p, int8 ? store.i8(p.input) : store.i16(p.input), store.i8(p.filter), acc, false);
  const bias = biasValues(store, p.bias, p.biasKind, p.outD);
  for (let o = 0; o < y.length; o += p.outD) requantizeChannels(p, !int8, acc, o, bias, y, o);
}

/** Float32 accumulates in the output tensor itself, as the reference does. */
function evalFloat(p: TransposeConvParams, store: TensorStore): void {
  const y = store.f32(p.output);
  y.fill(0);
  scatterInput(p, store.f32(p.input), store.f32(p.filter), y, true);
  const bias = biasValues(store, p.bias, p.biasKind, p.outD);
  for (let o = 0; o < y.length; o += p.outD) clampFloatChannels(p, y, o, bias, y, o);
}

// No scratchBytes: the C kernel gathers each output's products in the scatter's order instead of
// accumulating into TFLM's int32/int64 buffer.
export const transposeConv = defineKernel({
  op: 'TRANSPOSE_CONV',
  prepare,
  eval(p: TransposeConvParams, store: TensorStore): void {
    if (p.dtype === 'float32') evalFloat(p, store);
    else evalInt(p, store);
  },
});
