// Reproduces TFLM reference SVDF: svdf_common.cc (int8 input with int8 or int16 time weights/state, float32); state lives in the variable input 4.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from '../quant/fixed-point.js';
import type { Activation } from '../tflite/schema.js';
import { f32, tensorScale, tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface SvdfParams {
  /** 'int8' and 'int16' name the time-weights/state type of the integer kernel. */
  kind: 'float32' | 'int8' | 'int16';
  input: number;
  weightsFeature: number;
  weightsTime: number;
  /** -1 when the op has no bias. */
  bias: number;
  state: number;
  output: number;
  batches: number;
  inputSize: number;
  filters: number;
  units: number;
  rank: number;
  memory: number;
  activation: Activation;
  inputZeroPoint: number;
  stateZeroPoint: number;
  outputZeroPoint: number;
  /** input * feature-weights -> state, and state * time-weights -> output. */
  multiplier1: number;
  shift1: number;
  multiplier2: number;
  shift2: number;
}

type Dims = Pick<SvdfParams, 'batches' | 'inputSize' | 'filters' | 'units' | 'rank' | 'memory'>;

function prepareDims(ctx: PrepareContext, tensors: GraphTensor[]): Dims {
  const [input, wf, wt, bias, state, output] = tensors;
  const rank = ctx.op.options.rank as number;
  if (input.shape.length !== 2) ctx.fail(`input must be 2-D, got [${input.shape}]`);
  if (wf.shape.length !== 2 || wt.shape.length !== 2) ctx.fail('weights must be 2-D');
  const [batches, inputSize] = input.shape;
  const [filters, memory] = [wf.shape[0], wt.shape[1]];
  if (rank <= 0 || filters % rank !== 0) ctx.fail(`${filters} filters are not a multiple of rank ${rank}`);
  const units = filters / rank;
  if (wf.shape[1] !== inputSize) ctx.fail('feature weights do not match the input size');
  if (wt.shape[0] !== filters) ctx.fail('time weights do not match the number of filters');
  if (bias && bias.shape[0] !== units) ctx.fail(`bias must have ${units} elements`);
  if (state.shape.length !== 2 || state.shape[0] !== batches || state.shape[1] !== memory * filters)
    ctx.fail(`activation state must be [${batches}, ${memory * filters}], got [${state.shape}]`);
  if (!state.isVariable) ctx.fail('activation state (input 4) must be a variable tensor');
  if (output.shape.length !== 2 || output.shape[0] !== batches || output.shape[1] !== units)
    ctx.fail(`output must be [${batches}, ${units}], got [${output.shape}]`);
  return { batches, inputSize, filters, units, rank, memory };
}

function checkTypes(ctx: PrepareContext, tensors: GraphTensor[]): SvdfParams['kind'] {
  const [input, wf, wt, bias, state, output] = tensors;
  if (input.dtype === 'float32') {
    if ([wf, wt, state, output].some((t) => t.dtype !== 'float32') || (bias && bias.dtype !== 'float32'))
      ctx.fail('float32 SVDF needs float32 weights, state, bias and output');
    return 'float32';
  }
  if (input.dtype !== 'int8') ctx.unsupported(`SVDF with ${input.dtype} input`);
  if (wf.dtype !== 'int8' || output.dtype !== 'int8')
    ctx.fail('int8 SVDF needs int8 feature weights and output');
  if (wt.dtype !== state.dtype || (wt.dtype !== 'int8' && wt.dtype !== 'int16'))
    ctx.fail(`time weights (${wt.dtype}) and state (${state.dtype}) must both be int8 or int16`);
  if (bias && bias.dtype !== 'int32') ctx.fail('int8 SVDF needs an int32 bias');
  return wt.dtype as 'int8' | 'int16';
}

type Quant = Pick<
  SvdfParams,
  | 'inputZeroPoint'
  | 'stateZeroPoint'
  | 'outputZeroPoint'
  | 'multiplier1'
  | 'shift1'
  | 'multiplier2'
  | 'shift2'
>;

/** The effective scales are float expressions in TFLM, widened to double only at the end. */
function prepareQuant(ctx: PrepareContext, tensors: GraphTensor[]): Quant {
  const [input, wf, wt, bias, state, output] = tensors;
  const stateScale = tensorScale(ctx, state);
  const timeScale = tensorScale(ctx, wt);
  const q1 = quantizeMultiplier(f32(f32(tensorScale(ctx, input) * tensorScale(ctx, wf)) / stateScale));
  const q2 = quantizeMultiplier(f32(f32(stateScale * timeScale) / tensorScale(ctx, output)));
  if (bias && !(Math.abs(f32(bias.quant?.scale[0] ?? 0) - f32(stateScale * timeScale)) < 1e-5))
    ctx.fail('bias scale must equal state scale * time-weights scale');
  return {
    inputZeroPoint: tensorZeroPoint(input),
    stateZeroPoint: tensorZeroPoint(state),
    outputZeroPoint: tensorZeroPoint(output),
    multiplier1: q1.multiplier,
    shift1: q1.shift,
    multiplier2: q2.multiplier,
    shift2: q2.shift,
  };
}

function prepare(ctx: PrepareContext): SvdfParams {
  if (ctx.op.inputs.length !== 5) ctx.fail(`SVDF takes 5 inputs, got ${ctx.op.inputs.length}`);
  const bias = ctx.optionalInput(3);
  const tensors = [
    ctx.input(0),
    ctx.input(1),
    ctx.input(2),
    bias,
    ctx.input(4),
    ctx.output(0),
  ] as GraphTensor[];
  const kind = checkTypes(ctx, tensors);
  const dims = prepareDims(ctx, tensors);
  const none: Quant = {
    inputZeroPoint: 0,
    stateZeroPoint: 0,
    outputZeroPoint: 0,
    multiplier1: 0,
    shift1: 0,
    multiplier2: 0,
    shift2: 0,
  };
  return {
    kind,
    input: tensors[0].index,
    weightsFeature: tensors[1].index,
    weightsTime: tensors[2].index,
    bias: bias?.index ?? -1,
    state: tensors[4].index,
    output: tensors[5].index,
    ...dims,
    activation: ctx.op.options.fusedActivationFunction as Activation,
    ...(kind === 'float32' ? none : prepareQuant(ctx, tensors)),
  };
}

/** Drops the oldest state entry: every element moves one slot down (the newest get overwritten). */
function shiftState(state: Int8Array | Int16Array | Float32Array): void {
  state.copyWithin(0, 1);
}

function evalInteger(p: SvdfParams, store: TensorStore): void {
  const state = p.kind === 'int16' ? store.i16(p.state) : store.i8(p.state);
  const weightsTime = p.kind === 'int16' ? store.i16(p.weightsTime) : store.i8(p.weightsTime);
  const [stateMin, stateMax] = p.kind === 'int16' ? [-32768, 32767] : [-128, 127];
  const x = store.i8(p.input);
  const wf = store.i8(p.weightsFeature);
  shiftState(state);
  for (let b = 0; b < p.batches; b++) {
    for (let r = 0; r < p.filters; r++) {
      let dot = 0;
      for (let c = 0; c < p.inputSize; c++)
        dot = (dot + wf[r * p.inputSize + c] * (x[b * p.inputSize + c] - p.inputZeroPoint)) | 0;
      const scaled = multiplyByQuantizedMultiplier(dot, p.multiplier1, p.shift1);
      // TFLM clamps before adding the zero point, so an int8 state can wrap; the store wraps alike.
      state[(b * p.filters + r) * p.memory + p.memory - 1] =
        Math.min(Math.max(scaled, stateMin), stateMax) + p.stateZeroPoint;
    }
  }
  const bias = p.bias >= 0 ? store.i32(p.bias) : null;
  const y = store.i8(p.output);
  for (let b = 0; b < p.batches; b++) {
    for (let u = 0; u < p.units; u++) {
      let acc = bias ? bias[u] : 0;
      for (let k = 0; k < p.rank; k++) {
        const filter = u * p.rank + k;
        let dot = 0;
        for (let j = 0; j < p.memory; j++)
          dot =
            (dot +
              weightsTime[filter * p.memory + j] *
                (state[(b * p.filters + filter) * p.memory + j] - p.stateZeroPoint)) |
            0;
        acc = (acc + dot) | 0;
      }
      const v = multiplyByQuantizedMultiplier(acc, p.multiplier2, p.shift2) + p.outputZeroPoint;
      y[b * p.units + u] = Math.min(Math.max(v, -128), 127);
    }
  }
}

function activate(act: Activation, a: number): number {
  switch (act) {
    case 'RELU':
      return Math.max(0, a);
    case 'RELU_N1_TO_1':
      return Math.max(-1, Math.min(a, 1));
    case 'RELU6':
      return Math.max(0, Math.min(a, 6));
    case 'TANH':
      return Math.fround(Math.tanh(a));
    case 'SIGN_BIT':
      return a < 0 || Object.is(a, -0) ? 1 : 0;
    default:
      return a;
  }
}

function evalFloat(p: SvdfParams, store: TensorStore): void {
  const f = Math.fround;
  const state = store.f32(p.state);
  const x = store.f32(p.input);
  const wf = store.f32(p.weightsFeature);
  const wt = store.f32(p.weightsTime);
  shiftState(state);
  for (let b = 0; b < p.batches; b++) {
    for (let r = 0; r < p.filters; r++) {
      let dot = 0;
      for (let c = 0; c < p.inputSize; c++)
        dot = f(dot + f(wf[r * p.inputSize + c] * x[b * p.inputSize + c]));
      state[(b * p.filters + r) * p.memory + p.memory - 1] = dot;
    }
  }
  const bias = p.bias >= 0 ? store.f32(p.bias) : null;
  const y = store.f32(p.output);
  for (let b = 0; b < p.batches; b++) {
    for (let u = 0; u < p.units; u++) {
      let acc = bias ? bias[u] : 0;
      for (let k = 0; k < p.rank; k++) {
        const filter = u * p.rank + k;
        let dot = 0;
        for (let j = 0; j < p.memory; j++)
          dot = f(dot + f(wt[filter * p.memory + j] * state[(b * p.filters + filter) * p.memory + j]));
        acc = f(acc + dot);
      }
      y[b * p.units + u] = activate(p.activation, acc);
    }
  }
}

export const svdf = defineKernel({
  op: 'SVDF',
  prepare,
  eval(p: SvdfParams, store: TensorStore) {
    if (p.kind === 'float32') evalFloat(p, store);
    else evalInteger(p, store);
  },
});
