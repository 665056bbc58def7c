// Reproduces TFLM reference FULLY_CONNECTED: integer_ops/fully_connected.h (int8 per-tensor and per-channel, 16x8 with int32/int64 bias), reference/fully_connected.h (float32).
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { activationRangeFloat, activationRangeQuantized } from '../quant/activation.js';
import { multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierInt64 } from '../quant/fixed-point.js';
import type { Activation } from '../tflite/schema.js';
import { elementCount } from '../tflite/verify.js';
import { perChannelMultipliers, perTensorMultiplier, tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface FullyConnectedParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  filter: number;
  /** -1 when the op has no bias. */
  bias: number;
  output: number;
  batches: number;
  outputDepth: number;
  accumDepth: number;
  inputOffset: number;
  /** -filter zero point; per-channel kernels ignore it, as TFLM does. */
  filterOffset: number;
  outputOffset: number;
  /** One entry for per-tensor quantization, one per output channel otherwise. */
  multipliers: number[];
  shifts: number[];
  actMin: number;
  actMax: number;
  /** 16x8 with an int64 bias: int64 accumulator and the 64-bit requantization. */
  wideAccumulator: boolean;
}

type Shape = Pick<FullyConnectedParams, 'batches' | 'outputDepth' | 'accumDepth'>;

function prepareShape(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  output: GraphTensor,
): Shape {
  if (filter.shape.length < 2) ctx.fail(`filter must have rank >= 2, got [${filter.shape}]`);
  if (output.shape.length < 1) ctx.fail('output must have rank >= 1');
  const accumDepth = filter.shape[filter.shape.length - 1];
  const outputDepth = output.shape[output.shape.length - 1];
  if (outputDepth > filter.shape[filter.shape.length - 2])
    ctx.fail(
      `output depth ${outputDepth} exceeds the filter's ${filter.shape[filter.shape.length - 2]} rows`,
    );
  const batches = outputDepth === 0 ? 0 : elementCount(output.shape) / outputDepth;
  if (elementCount(input.shape) !== batches * accumDepth)
    ctx.fail(`input [${input.shape}] does not hold ${batches} rows of ${accumDepth}`);
  return { batches, outputDepth, accumDepth };
}

function checkTypes(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  bias: GraphTensor | null,
): void {
  const pair = `${input.dtype}/${filter.dtype}`;
  if (pair !== 'float32/float32' && pair !== 'int8/int8' && pair !== 'int16/int8')
    ctx.unsupported(`input ${input.dtype} with filter ${filter.dtype}`);
  if (!bias) return;
  const allowed =
    input.dtype === 'float32' ? ['float32'] : input.dtype === 'int8' ? ['int32'] : ['int32', 'int64'];
  if (!allowed.includes(bias.dtype)) ctx.fail(`bias dtype ${bias.dtype} does not fit ${input.dtype} input`);
}

function prepareQuant(
  ctx: PrepareContext,
  input: GraphTensor,
  filter: GraphTensor,
  bias: GraphTensor | null,
  output: GraphTensor,
): Pick<FullyConnectedParams, 'multipliers' | 'shifts'> {
  const scales = filter.quant?.scale.length ?? 0;
  if (scales <= 1) {
    const q = perTensorMultiplier(ctx, input, filter, bias, output);
    return { multipliers: [q.multiplier], shifts: [q.shift] };
  }
  const qd = filter.quant?.quantizedDimension ?? 0;
  if (qd !== 0 || scales !== filter.shape[0])
    ctx.fail(`per-channel filter needs one scale per output row (${scales} scales, dimension ${qd})`);
  const q = perChannelMultipliers(ctx, input, filter, output);
  return { multipliers: q.multipliers, shifts: q.shifts };
}

function prepare(ctx: PrepareContext): FullyConnectedParams {
  const input = ctx.input(0);
  const filter = ctx.input(1);
  const bias = ctx.optionalInput(2);
  const output = ctx.output(0);
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (ctx.op.options.weightsFormat !== 'DEFAULT') ctx.unsupported('shuffled weights format');
  checkTypes(ctx, input, filter, bias);
  const shape = prepareShape(ctx, input, filter, output);
  if (bias && elementCount(bias.shape) < shape.outputDepth) ctx.fail('bias has fewer elements than outputs');
  const act = ctx.op.options.fusedActivationFunction as Activation;
  const base = { input: input.index, filter: filter.index, bias: bias?.index ?? -1, output: output.index };
  if (input.dtype === 'float32') {
    const [actMin, actMax] = activationRangeFloat(act);
    const none = { inputOffset: 0, filterOffset: 0, outputOffset: 0, multipliers: [], shifts: [] };
    return { dtype: 'float32', ...base, ...shape, ...none, actMin, actMax, wideAccumulator: false };
  }
  const dtype = input.dtype as 'int8' | 'int16';
  if (dtype === 'int16' && (tensorZeroPoint(input) !== 0 || tensorZeroPoint(output) !== 0))
    ctx.fail('int16 input and output must have zero point 0');
  const [actMin, actMax] = activationRangeQuantized(
    act,
    dtype,
    output.quant?.scale[0] ?? 0,
    tensorZeroPoint(output),
  );
  return {
    dtype,
    ...base,
    ...shape,
    inputOffset: -tensorZeroPoint(input),
    filterOffset: -tensorZeroPoint(filter),
    outputOffset: tensorZeroPoint(output),
    ...prepareQuant(ctx, input, filter, bias, output),
    actMin,
    actMax,
    wideAccumulator: bias?.dtype === 'int64',
  };
}

function evalFloat(p: FullyConnectedParams, store: TensorStore): void {
  const x = store.f32(p.input);
  const w = store.f32(p.filter);
  const bias = p.bias >= 0 ? store.f32(p.bias) : null;
  const y = store.f32(p.output);
  const f = Math.fround;
  for (let b = 0; b < p.batches; b++) {
    for (let oc = 0; oc < p.outputDepth; oc++) {
      let total = 0;
      for (let d = 0; d < p.accumDepth; d++)
        total = f(total + f(x[b * p.accumDepth + d] * w[oc * p.accumDepth + d]));
      const v = f(total + (bias ? bias[oc] : 0));
      y[b * p.outputDepth + oc] = Math.min(Math.max(v, p.actMin), p.actMax);
    }
  }
}

/** int8 in, int8 out, int32 accumulator that wraps like C's. */
function evalInt8(p: FullyConnectedParams, store: TensorStore): void {
  const x = store.i8(p.input);
  const w = store.i8(p.filter);
  const bias = p.bias >= 0 ? store.i32(p.bias) : null;
  const y = store.i8(p.output);
  const perChannel = p.multipliers.length > 1;
  const fOff = perChannel ? 0 : p.filterOffset;
  for (let b = 0; b < p.batches; b++) {
    for (let oc = 0; oc < p.outputDepth; oc++) {
      let acc = 0;
      for (let d = 0; d < p.accumDepth; d++)
        acc = (acc + (w[oc * p.accumDepth + d] + fOff) * (x[b * p.accumDepth + d] + p.inputOffset)) | 0;
      if (bias) acc = (acc + bias[oc]) | 0;
      const c = perChannel ? oc : 0;
      acc = multiplyByQuantizedMultiplier(acc, p.multipliers[c], p.shifts[c]) + p.outputOffset;
      y[b * p.outputDepth + oc] = Math.min(Math.max(acc, p.actMin), p.actMax);
    }
  }
}

/** int16 in/out with int8 weights; TFLM's 16x8 kernels use neither input nor output offset. */
function evalInt16(p: FullyConnectedParams, store: TensorStore): void {
  const x = store.i16(p.input);
  const w = store.i8(p.filter);
  const bias32 = p.bias >= 0 && !p.wideAccumulator ? store.i32(p.bias) : null;
  const bias64 = p.bias >= 0 && p.wideAccumulator ? store.i64(p.bias) : null;
  const y = store.i16(p.output);
  const perChannel = p.multipliers.length > 1;
  const fOff = perChannel ? 0 : p.filterOffset;
  for (let b = 0; b < p.batches; b++) {
    for (let oc = 0; oc < p.outputDepth; oc++) {
      let acc = 0;
      for (let d = 0; d < p.accumDepth; d++)
        acc += (w[oc * p.accumDepth + d] + fOff) * x[b * p.accumDepth + d];
      const c = perChannel ? oc : 0;
      let scaled: number;
      if (p.wideAccumulator) {
        const wide = BigInt(acc) + (bias64 ? bias64[oc] : 0n);
        scaled = multiplyByQuantizedMultiplierInt64(wide, p.multipliers[c], p.shifts[c]);
      } else {
        const narrow = (acc + (bias32 ? bias32[oc] : 0)) | 0;
        scaled = multiplyByQuantizedMultiplier(narrow, p.multipliers[c], p.shifts[c]);
      }
      y[b * p.outputDepth + oc] = Math.min(Math.max(scaled, p.actMin), p.actMax);
    }
  }
}

export const fullyConnected = defineKernel({
  op: 'FULLY_CONNECTED',
  prepare,
  eval(p: FullyConnectedParams, store: TensorStore) {
    if (p.dtype === 'float32') evalFloat(p, store);
    else if (p.dtype === 'int8') evalInt8(p, store);
    else evalInt16(p, store);
  },
});
