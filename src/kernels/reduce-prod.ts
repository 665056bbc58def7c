// Reproduces TensorFlow Lite's reference REDUCE_PROD (TFLM has no such kernel): reduce.cc with reference/reduce.h ReduceGeneric (float32) and QuantizedReduceProd (int8, int16: every step rescaled by input_scale / output_scale^(1/n)).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  clamp,
  INT_RANGES,
  multiplyByQuantizedMultiplierInt64,
  quantizeMultiplier,
} from '../quant/fixed-point.js';
import { tensorScale, tensorZeroPoint } from './common/fc-params.js';
import {
  checkReduceTensors,
  forEachReduced,
  planReduction,
  type ReduceDType,
  type ReducePlan,
} from './common/reduce.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ReduceProdParams extends ReducePlan {
  dtype: ReduceDType;
  input: number;
  output: number;
  inputZeroPoint: number;
  outputZeroPoint: number;
  multiplier: number;
  shift: number;
}

function prepare(ctx: PrepareContext): ReduceProdParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const dtype = checkReduceTensors(ctx, input, output, ['float32', 'int8', 'int16'], Infinity);
  const plan = planReduction(ctx, input, ctx.input(1), output);
  const base = { dtype, input: input.index, output: output.index, ...plan };
  if (dtype === 'float32') return { ...base, inputZeroPoint: 0, outputZeroPoint: 0, multiplier: 0, shift: 0 };
  if (plan.inputCount === 0 || plan.outputCount === 0)
    ctx.fail('quantized REDUCE_PROD needs a non-empty input');
  // GetQuantProdScaling: each step multiplies by input_scale / nth_root(output_scale).
  const n = plan.inputCount / plan.outputCount;
  const q = quantizeMultiplier(tensorScale(ctx, input) / tensorScale(ctx, output) ** (1 / n));
  return { ...base, inputZeroPoint: tensorZeroPoint(input), outputZeroPoint: tensorZeroPoint(output), ...q };
}

function evalFloat(p: ReduceProdParams, input: Float32Array, output: Float32Array): void {
  output.fill(1, 0, p.outputCount);
  forEachReduced(p, (i, o) => {
    output[o] = output[o] * input[i];
  });
}

/** QuantizedReduceProd: the first value of each group seeds the int32 product, the rest rescale it. */
function evalQuantized(
  p: ReduceProdParams,
  input: Int8Array | Int16Array,
  output: Int8Array | Int16Array,
): void {
  const prod = new Int32Array(p.outputCount);
  const seeded = new Uint8Array(p.outputCount);
  const rescale = (x: number) => multiplyByQuantizedMultiplierInt64(BigInt(x), p.multiplier, p.shift);
  forEachReduced(p, (i, o) => {
    const v = input[i] - p.inputZeroPoint;
    if (seeded[o]) {
      prod[o] = rescale(prod[o] * v);
    } else {
      prod[o] = v;
      seeded[o] = 1;
    }
  });
  const [lo, hi] = INT_RANGES[p.dtype as 'int8' | 'int16'];
  for (let o = 0; o < p.outputCount; o++) output[o] = clamp(rescale(prod[o]) + p.outputZeroPoint, lo, hi);
}

export const reduceProd = defineKernel<ReduceProdParams>({
  op: 'REDUCE_PROD',
  prepare,
  eval(p, store: TensorStore) {
    if (p.dtype === 'float32') evalFloat(p, store.f32(p.input), store.f32(p.output));
    else if (p.dtype === 'int8') evalQuantized(p, store.i8(p.input), store.i8(p.output));
    else evalQuantized(p, store.i16(p.input), store.i16(p.output));
  },
  // The int32 running product per output element.
  scratchBytes: (p) => (p.dtype === 'float32' ? 0 : 4 * p.outputCount),
});
