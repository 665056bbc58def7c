// Reproduces TFLM reference ABS: elementwise.cc (AbsEvalQuantized for int8 and quantized int16, std::abs for float32 and unquantized int16).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { INT_RANGES, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../quant/fixed-point.js';
import { prepareTypedUnary, quantParams, type UnaryParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface AbsParams extends UnaryParams {
  dtype: 'float32' | 'int8' | 'int16';
  /** False for float32 and for int16 without quantization (plain std::abs). */
  quantized: boolean;
  inputOffset: number;
  outputOffset: number;
  /** Set when input and output scales differ. */
  needsRescale: boolean;
  multiplier: number;
  shift: number;
}

function prepare(ctx: PrepareContext): AbsParams {
  const base = prepareTypedUnary(ctx, ['float32', 'int8', 'int16'] as const);
  const { dtype } = base;
  const input = ctx.input(0);
  const plain = {
    ...base,
    quantized: false,
    inputOffset: 0,
    outputOffset: 0,
    needsRescale: false,
    multiplier: 0,
    shift: 0,
  };
  if (dtype === 'float32' || (dtype === 'int16' && !input.quant)) return plain;
  const qi = quantParams(ctx, input);
  const qo = quantParams(ctx, ctx.output(0));
  if (dtype === 'int16' && (qi.zeroPoint !== 0 || qo.zeroPoint !== 0))
    ctx.fail('int16 needs zero points of 0');
  const needsRescale = qi.scale !== qo.scale;
  const q = needsRescale ? quantizeMultiplier(qi.scale / qo.scale) : { multiplier: 0, shift: 0 };
  return {
    ...plain,
    quantized: true,
    inputOffset: qi.zeroPoint,
    outputOffset: qo.zeroPoint,
    needsRescale,
    multiplier: q.multiplier,
    shift: q.shift,
  };
}

function evalAbs(p: AbsParams, store: TensorStore): void {
  if (p.dtype === 'float32') {
    const x = store.f32(p.input);
    const out = store.f32(p.output);
    for (let i = 0; i < p.count; i++) out[i] = Math.abs(x[i]);
    return;
  }
  const x = p.dtype === 'int8' ? store.i8(p.input) : store.i16(p.input);
  const out = p.dtype === 'int8' ? store.i8(p.output) : store.i16(p.output);
  if (!p.quantized) {
    // std::abs(-32768) does not fit an int16 and wraps back to -32768.
    for (let i = 0; i < p.count; i++) out[i] = Math.abs(x[i]);
    return;
  }
  const [lo, hi] = INT_RANGES[p.dtype];
  const { inputOffset, outputOffset, multiplier, shift } = p;
  for (let i = 0; i < p.count; i++) {
    const value = Math.abs(x[i] - inputOffset);
    const r = p.needsRescale
      ? multiplyByQuantizedMultiplier(value, multiplier, shift) + outputOffset
      : value + outputOffset;
    out[i] = Math.min(Math.max(r, lo), hi);
  }
}

export const abs = defineKernel({ op: 'ABS', alias: 'in-place', prepare, eval: evalAbs });
