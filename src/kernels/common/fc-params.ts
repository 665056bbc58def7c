/**
 * Quantization-parameter math shared by the fully-connected family (FULLY_CONNECTED, SVDF,
 * UNIDIRECTIONAL_SEQUENCE_LSTM), following TFLM's fully_connected_common.cc and kernel_util.cc.
 */
import type { GraphTensor } from '../../graph/graph.js';
import { quantizeMultiplier } from '../../quant/fixed-point.js';
import type { PrepareContext } from '../types.js';

/** Rounds to float32: TFLM holds scales as float and multiplies them in float. */
export const f32 = Math.fround;

/** The first (per-tensor) scale of a quantized tensor; fails prepare when it is not quantized. */
export function tensorScale(ctx: PrepareContext, t: GraphTensor): number {
  if (!t.quant || t.quant.scale.length === 0) ctx.fail(`tensor "${t.name}" (${t.dtype}) is not quantized`);
  return f32(t.quant.scale[0]);
}

/** The first zero point of a tensor (0 when the tensor carries no quantization). */
export function tensorZeroPoint(t: GraphTensor): number {
  return t.quant?.zeroPoint[0] ?? 0;
}

/**
 * GetQuantizedConvolutionMultipler: double(float(input_scale * filter_scale)) / output_scale,
 * after checking the bias scale matches the input*filter scale as TFLM requires.
 */
export function perTensorMultiplier(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  bias: GraphTensor | null,
  output: GraphTensor,
): { multiplier: number; shift: number } {
  const inputScale = tensorScale(ctx, input);
  const filterScale = tensorScale(ctx, filter);
  const outputScale = tensorScale(ctx, output);
  if (bias) {
    const productScale = inputScale * filterScale;
    const diff = Math.abs(productScale - f32(bias.quant?.scale[0] ?? 0));
    if (diff / outputScale > 0.02) ctx.fail('bias scale does not match input scale * filter scale');
  }
  return quantizeMultiplier(f32(inputScale * filterScale) / outputScale);
}

/** Per-channel multipliers: double(input_scale) * double(filter_scale[c]) / double(output_scale). */
export function perChannelMultipliers(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  output: GraphTensor,
): { multipliers: number[]; shifts: number[] } {
  const inputScale = tensorScale(ctx, input);
  const outputScale = tensorScale(ctx, output);
  const multipliers: number[] = [];
  const shifts: number[] = [];
  for (const s of filter.quant?.scale ?? []) {
    const q = quantizeMultiplier((inputScale * f32(s)) / outputScale);
    multipliers.push(q.multiplier);
    shifts.push(q.shift);
  }
  return { multipliers, shifts };
}
