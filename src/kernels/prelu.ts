// Reproduces TFLM reference PRELU: prelu_common.cc + reference/prelu.h BroadcastPrelu4DSlow (float32, int8, int16 with int8 alpha).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { INT_RANGES, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../quant/fixed-point.js';
import { type BroadcastPlan, forEachRun, prepareBroadcast, quantParams } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface PreluParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  alpha: number;
  output: number;
  plan: BroadcastPlan;
  inputOffset: number;
  alphaOffset: number;
  outputOffset: number;
  /** Rescaling of non-negative inputs (input/output scale). */
  identityMultiplier: number;
  identityShift: number;
  /** Rescaling of input * alpha products (input * alpha / output scale). */
  alphaMultiplier: number;
  alphaShift: number;
}

function prepare(ctx: PrepareContext): PreluParams {
  const input = ctx.input(0);
  const alpha = ctx.input(1);
  const output = ctx.output(0);
  const dtype = input.dtype;
  if (dtype !== 'float32' && dtype !== 'int8' && dtype !== 'int16') ctx.unsupported(`dtype ${dtype}`);
  if (output.dtype !== dtype) ctx.fail(`output ${output.dtype} differs from input ${dtype}`);
  const alphaDType = dtype === 'float32' ? 'float32' : 'int8';
  if (alpha.dtype !== alphaDType)
    ctx.fail(`alpha must be ${alphaDType} for a ${dtype} input, got ${alpha.dtype}`);
  if ([input, alpha, output].some((t) => t.shape.length > 4))
    ctx.unsupported('tensors of more than 4 dimensions');
  const base = {
    dtype,
    input: ctx.op.inputs[0],
    alpha: ctx.op.inputs[1],
    output: ctx.op.outputs[0],
    plan: prepareBroadcast(ctx, [input, alpha], 4),
  };
  const none = { inputOffset: 0, alphaOffset: 0, outputOffset: 0, identityMultiplier: 0, identityShift: 0 };
  if (dtype === 'float32') return { ...base, ...none, alphaMultiplier: 0, alphaShift: 0 };
  const [qi, qa, qo] = [input, alpha, output].map((t) => quantParams(ctx, t));
  const identity = quantizeMultiplier(qi.scale / qo.scale);
  const product = quantizeMultiplier((qi.scale * qa.scale) / qo.scale);
  return {
    ...base,
    inputOffset: -qi.zeroPoint,
    alphaOffset: -qa.zeroPoint,
    outputOffset: qo.zeroPoint,
    identityMultiplier: identity.multiplier,
    identityShift: identity.shift,
    alphaMultiplier: product.multiplier,
    alphaShift: product.shift,
  };
}

function evalQuantized(
  p: PreluParams,
  x: Int8Array | Int16Array,
  alpha: Int8Array,
  out: Int8Array | Int16Array,
): void {
  const [lo, hi] = INT_RANGES[p.dtype as 'int8' | 'int16'];
  const { inputOffset, alphaOffset, outputOffset, identityMultiplier: mi, identityShift: si } = p;
  const { alphaMultiplier: ma, alphaShift: sa } = p;
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const v = inputOffset + x[i1];
      const r =
        v >= 0
          ? multiplyByQuantizedMultiplier(v, mi, si)
          : multiplyByQuantizedMultiplier(v * (alphaOffset + alpha[i2]), ma, sa);
      out[o + k] = Math.min(Math.max(r + outputOffset, lo), hi);
    }
  });
}

function evalPrelu(p: PreluParams, store: TensorStore): void {
  if (p.dtype === 'int8') {
    evalQuantized(p, store.i8(p.input), store.i8(p.alpha), store.i8(p.output));
    return;
  }
  if (p.dtype === 'int16') {
    evalQuantized(p, store.i16(p.input), store.i8(p.alpha), store.i16(p.output));
    return;
  }
  const [x, alpha, out] = [store.f32(p.input), store.f32(p.alpha), store.f32(p.output)];
  forEachRun(p.plan, (o, i1, s1, i2, s2, n) => {
    for (let k = 0; k < n; k++, i1 += s1, i2 += s2) {
      const v = x[i1];
      out[o + k] = v >= 0 ? v : Math.fround(v * alpha[i2]);
    }
  });
}

export const prelu = defineKernel({ op: 'PRELU', alias: 'in-place', prepare, eval: evalPrelu });
