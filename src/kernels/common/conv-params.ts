/**
 * Shared parameter math of the convolution group (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV)
 * and of the pooling kernels: window geometry, per-channel requantization
 * (PopulateConvolutionQuantizationParams) and the checks they share.
 */
import type { GraphTensor } from '../../graph/graph.js';
import { activationRangeFloat, activationRangeQuantized } from '../../quant/activation.js';
import { quantizeMultiplier } from '../../quant/fixed-point.js';
import type { Activation, Padding } from '../../tflite/schema.js';
import { elementCount } from '../../tflite/verify.js';
import type { PrepareContext } from '../types.js';
import { tensorZeroPoint } from './fc-params.js';
import { computePadding } from './padding.js';

/** The spatial layout of a windowed op over NHWC tensors, with TFLM's leading padding. */
export interface WindowGeometry {
  batches: number;
  inH: number;
  inW: number;
  inD: number;
  filterH: number;
  filterW: number;
  outH: number;
  outW: number;
  outD: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padH: number;
  padW: number;
}

/**
 * Geometry of CONV_2D / DEPTHWISE_CONV_2D (filters OHWI / 1HWO: height and width at dims 1, 2)
 * from the op's padding, strides and dilations; fails when the output tensor disagrees.
 */
function windowGeometry(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  output: GraphTensor,
): WindowGeometry {
  requireRank4(ctx, input, 'input');
  requireRank4(ctx, filter, 'filter');
  requireRank4(ctx, output, 'output');
  const o = ctx.op.options;
  const strides = { strideH: o.strideH as number, strideW: o.strideW as number };
  const dilations = { dilationH: o.dilationHFactor as number, dilationW: o.dilationWFactor as number };
  requirePositive(ctx, { ...strides, ...dilations });
  const [batches, inH, inW, inD] = input.shape;
  const [, filterH, filterW] = filter.shape;
  const [outBatches, outH, outW, outD] = output.shape;
  if (outBatches !== batches) ctx.fail(`output batches ${outBatches} differ from input batches ${batches}`);
  const pad = computePadding({
    padding: o.padding as Padding,
    ...strides,
    ...dilations,
    inH,
    inW,
    filterH,
    filterW,
  });
  if (pad.outHeight !== outH || pad.outWidth !== outW)
    ctx.fail(`output is ${outH}x${outW} but the window gives ${pad.outHeight}x${pad.outWidth}`);
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
    ...dilations,
    padH: pad.height,
    padW: pad.width,
  };
}

/** The operands every convolution's prepared data names. */
export interface ConvTensors {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  filter: number;
  /** -1 when the op has no bias. */
  bias: number;
  output: number;
  biasKind: BiasKind;
}

export function convTensors(
  input: GraphTensor,
  filter: GraphTensor,
  bias: GraphTensor | null,
  output: GraphTensor,
  kind: BiasKind,
): ConvTensors {
  const dtype = input.dtype as ConvTensors['dtype'];
  return {
    dtype,
    input: input.index,
    filter: filter.index,
    bias: bias?.index ?? -1,
    output: output.index,
    biasKind: kind,
  };
}

/** Differing input/output dtypes are a broken model; input/filter pairs outside `allowed` are unsupported. */
export function checkConvTypes(
  ctx: PrepareContext,
  tensors: { input: GraphTensor; filter: GraphTensor; output: GraphTensor },
  allowed: readonly string[],
): void {
  const { input, filter, output } = tensors;
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (allowed.includes(`${input.dtype}/${filter.dtype}`)) return;
  if (input.dtype === 'float32') ctx.unsupported(`hybrid float32 input with ${filter.dtype} weights`);
  ctx.unsupported(`input ${input.dtype} with filter ${filter.dtype}`);
}

/** The dtype pairs CONV_2D and DEPTHWISE_CONV_2D run. */
const WINDOW_TYPE_PAIRS = ['float32/float32', 'int8/int8', 'int8/int4', 'int16/int8'];

/** CONV_2D / DEPTHWISE_CONV_2D operands (input, filter, bias?), their dtypes checked, and the geometry. */
export function windowOperands(ctx: PrepareContext) {
  const input = ctx.input(0);
  const filter = ctx.input(1);
  const bias = ctx.optionalInput(2);
  const output = ctx.output(0);
  checkConvTypes(ctx, { input, filter, output }, WINDOW_TYPE_PAIRS);
  return { input, filter, bias, output, g: windowGeometry(ctx, input, filter, output) };
}

/** Fails unless `t` has rank 4 (NHWC activations, OHWI / 1HWO filters). */
export function requireRank4(ctx: PrepareContext, t: GraphTensor, what: string): void {
  if (t.shape.length !== 4) ctx.fail(`${what} must have rank 4, got [${t.shape}]`);
}

/** Fails unless strides (and dilations, when given) are positive. */
export function requirePositive(ctx: PrepareContext, values: Record<string, number>): void {
  for (const [name, v] of Object.entries(values))
    if (!Number.isInteger(v) || v < 1) ctx.fail(`${name} must be a positive integer, got ${v}`);
}

/** The fused activations a convolution can clamp to; the others TFLM would silently ignore. */
export function clampActivation(ctx: PrepareContext): Activation {
  const act = ctx.op.options.fusedActivationFunction as Activation;
  if (act === 'TANH' || act === 'SIGN_BIT') ctx.unsupported(`fused activation ${act}`);
  return act;
}

function scaleOf(ctx: PrepareContext, t: GraphTensor, what: string): number {
  const s = t.quant?.scale[0];
  if (s === undefined || !(s > 0)) ctx.fail(`${what} needs a positive quantization scale`);
  return s;
}

export interface QuantizedConvParams {
  /** -input zero point, added to every input value (0 for 16-bit activations). */
  inputOffset: number;
  /** Output zero point (0 for 16-bit activations). */
  outputOffset: number;
  /** Per output channel (a per-tensor filter scale is broadcast). */
  multipliers: number[];
  shifts: number[];
  actMin: number;
  actMax: number;
}

/** Checks the filter's symmetric (per-tensor or per-channel along `quantDim`) quantization. */
function filterScales(
  ctx: PrepareContext,
  filter: GraphTensor,
  channels: number,
  quantDim: number,
): number[] {
  const q = filter.quant;
  if (!q || q.scale.length === 0) ctx.fail('quantized filter needs quantization parameters');
  if (q.scale.length !== 1 && q.scale.length !== channels)
    ctx.fail(`filter has ${q.scale.length} scales for ${channels} output channels`);
  if (q.scale.length > 1 && q.quantizedDimension !== quantDim)
    ctx.fail(`per-channel filter must be quantized along dimension ${quantDim}, not ${q.quantizedDimension}`);
  if (q.zeroPoint.some((z) => z !== 0)) ctx.fail('filter zero points must be 0 (symmetric weights)');
  return Array.from({ length: channels }, (_, c) => q.scale[q.scale.length === 1 ? 0 : c]);
}

/**
 * PopulateConvolutionQuantizationParams: per-channel multiplier/shift of
 * input_scale * filter_scale / output_scale (in double) and the activation clamp.
 */
export function quantizedConvParams(
  ctx: PrepareContext,
  tensors: { input: GraphTensor; filter: GraphTensor; output: GraphTensor },
  channels: number,
  quantDim: number,
  act: Activation,
): QuantizedConvParams {
  const { input, filter, output } = tensors;
  const dtype = input.dtype as 'int8' | 'int16';
  const inputScale = scaleOf(ctx, input, 'input');
  const outputScale = scaleOf(ctx, output, 'output');
  const inZp = tensorZeroPoint(input);
  const outZp = tensorZeroPoint(output);
  if (dtype === 'int16' && (inZp !== 0 || outZp !== 0))
    ctx.fail('int16 input and output must have zero point 0');
  const multipliers: number[] = [];
  const shifts: number[] = [];
  for (const filterScale of filterScales(ctx, filter, channels, quantDim)) {
    const q = quantizeMultiplier((inputScale * filterScale) / outputScale);
    multipliers.push(q.multiplier);
    shifts.push(q.shift);
  }
  const [actMin, actMax] = activationRangeQuantized(act, dtype, outputScale, outZp);
  return {
    inputOffset: dtype === 'int8' ? -inZp : 0,
    outputOffset: dtype === 'int8' ? outZp : 0,
    multipliers,
    shifts,
    actMin,
    actMax,
  };
}

const NO_QUANT = { inputOffset: 0, outputOffset: 0, multipliers: [], shifts: [] };

/**
 * quantizedConvParams for int8/int16, whose shifts a `wide` (64-bit) accumulator limits;
 * float32 needs only the float clamp of `act`.
 */
export function convQuantization(
  ctx: PrepareContext,
  tensors: { input: GraphTensor; filter: GraphTensor; output: GraphTensor },
  channels: number,
  quantDim: number,
  act: Activation,
  wide: boolean,
): QuantizedConvParams {
  if (tensors.input.dtype === 'float32') {
    const [actMin, actMax] = activationRangeFloat(act);
    return { ...NO_QUANT, actMin, actMax };
  }
  const q = quantizedConvParams(ctx, tensors, channels, quantDim, act);
  if (wide) requireWideShifts(ctx, q.shifts);
  return q;
}

/** The 64-bit requantization assumes shifts in [-31, 7]; larger scales are not representable. */
function requireWideShifts(ctx: PrepareContext, shifts: readonly number[]): void {
  if (shifts.some((s) => s < -31 || s > 7))
    ctx.unsupported('effective output scale beyond 2^7 for a 64-bit accumulator');
}

export type BiasKind = 'none' | 'int16' | 'int32' | 'int64' | 'float32';

/** The bias dtype, checked against the ones TFLM reads for this input (`allowed`). */
export function biasKind(
  ctx: PrepareContext,
  bias: GraphTensor | null,
  channels: number,
  allowed: readonly BiasKind[],
): BiasKind {
  if (!bias) return 'none';
  const kind = bias.dtype as BiasKind;
  if (!allowed.includes(kind)) ctx.unsupported(`bias ${bias.dtype} with this input/filter type`);
  const n = elementCount(bias.shape);
  if (n !== channels) ctx.fail(`bias has ${n} elements for ${channels} output channels`);
  return kind;
}

/** UnpackDenseInt4IntoInt8: two's-complement nibbles, low nibble first. */
export function unpackInt4(packed: Uint8Array, count: number, out: Int8Array): void {
  for (let i = 0; i < count; i++) {
    const byte = packed[i >> 1];
    const nibble = i & 1 ? byte >> 4 : byte & 15;
    out[i] = (nibble << 28) >> 28;
  }
}
