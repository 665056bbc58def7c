// Reproduces TFLM reference DEQUANTIZE: dequantize_common.cc with reference/dequantize.h (int8/int16/uint8 -> float32, per-tensor).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { elementCount } from '../tflite/verify.js';
import { tensorScale, tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface DequantizeParams {
  inDType: 'int8' | 'int16' | 'uint8';
  input: number;
  output: number;
  size: number;
  scale: number;
  zeroPoint: number;
}

function prepare(ctx: PrepareContext): DequantizeParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== 'int8' && input.dtype !== 'int16' && input.dtype !== 'uint8')
    ctx.unsupported(`dequantize from ${input.dtype}`);
  if (output.dtype !== 'float32') ctx.unsupported(`dequantize to ${output.dtype}`);
  const size = elementCount(input.shape);
  if (size !== elementCount(output.shape))
    ctx.fail(`input [${input.shape}] and output [${output.shape}] differ in size`);
  return {
    inDType: input.dtype,
    input: input.index,
    output: output.index,
    size,
    scale: tensorScale(ctx, input),
    zeroPoint: tensorZeroPoint(input),
  };
}

function evalDequantize(p: DequantizeParams, store: TensorStore): void {
  const x =
    p.inDType === 'int8' ? store.i8(p.input) : p.inDType === 'int16' ? store.i16(p.input) : store.u8(p.input);
  const y = store.f32(p.output);
  for (let i = 0; i < p.size; i++) y[i] = p.scale * (x[i] - p.zeroPoint);
}

export const dequantize = defineKernel({ op: 'DEQUANTIZE', prepare, eval: evalDequantize });
