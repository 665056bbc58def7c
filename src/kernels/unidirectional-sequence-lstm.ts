// Reproduces TFLM reference UNIDIRECTIONAL_SEQUENCE_LSTM: unidirectional_sequence_lstm.cc, lstm_eval_common.cc, lstm_eval.h (float32, int8 x int8 -> int16 cell, 16x8 -> int16 cell); hidden and cell state live in variable inputs 18 and 19.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import { quantizeMultiplier } from '../quant/fixed-point.js';
import { checkedLog2 } from '../quant/gemmlowp.js';
import { elementCount } from '../tflite/verify.js';
import { f32, tensorScale, tensorZeroPoint } from './common/fc-params.js';
import {
  type LstmGate,
  type LstmMul,
  type LstmParams,
  type LstmStepSlice,
  lstmStepFloat,
  lstmStepInteger,
} from './common/lstm-step.js';
import { defineKernel, type PrepareContext } from './types.js';

const INPUT = 0;
const HIDDEN_STATE = 18;
const CELL_STATE = 19;
/** Peephole (9-11), projection (16-17) and layer-norm (20-23) inputs: variants TFLM does not run. */
const VARIANT_INPUTS = [9, 10, 11, 16, 17, 20, 21, 22, 23];
/** Gate FC outputs are Q3.12, gate activations Q0.15. */
const GATE_INPUT_SCALE = 2 ** -12;
const GATE_OUTPUT_SCALE = 2 ** -15;

/** Per gate: input weights, recurrent weights, bias (lstm_shared.h tensor indices). */
const GATE_TENSORS = {
  inputGate: [1, 5, 12],
  forget: [2, 6, 13],
  cell: [3, 7, 14],
  outputGate: [4, 8, 15],
} as const;

const TYPES: Record<string, [string, string]> = {
  float32: ['float32', 'float32'],
  int8: ['int8', 'int32'],
  int16: ['int8', 'int64'],
};

function checkTensors(ctx: PrepareContext): void {
  if (ctx.op.inputs.length !== 24) ctx.fail(`expects 24 inputs, got ${ctx.op.inputs.length}`);
  if (VARIANT_INPUTS.some((i) => ctx.optionalInput(i)))
    ctx.unsupported('peephole, projection and layer-norm LSTM variants');
  const input = ctx.input(INPUT);
  const expected = TYPES[input.dtype];
  if (!expected) ctx.unsupported(`LSTM with ${input.dtype} activations`);
  for (let i = 1; i <= 8; i++) {
    const w = ctx.input(i);
    if (w.dtype !== expected[0]) ctx.unsupported(`${input.dtype} LSTM with ${w.dtype} weights`);
    if ((w.quant?.scale.length ?? 0) > 1) ctx.unsupported('per-channel LSTM weights');
  }
  for (let i = 12; i <= 15; i++)
    if (ctx.input(i).dtype !== expected[1])
      ctx.fail(`gate bias must be ${expected[1]}, got ${ctx.input(i).dtype}`);
  const hidden = ctx.input(HIDDEN_STATE);
  const cell = ctx.input(CELL_STATE);
  if (!hidden.isVariable || !cell.isVariable)
    ctx.fail('hidden and cell state (inputs 18, 19) must be variables');
  if (hidden.dtype !== input.dtype || ctx.output(0).dtype !== input.dtype)
    ctx.fail('hidden state and output must have the input dtype');
  if (cell.dtype !== (input.dtype === 'float32' ? 'float32' : 'int16'))
    ctx.unsupported(`${cell.dtype} cell state`);
  const act = ctx.op.options.fusedActivationFunction;
  if (act !== 'TANH') ctx.unsupported(`cell gate activation ${act}`);
}

type Sizes = Pick<LstmParams, 'timeMajor' | 'batches' | 'timeSteps' | 'inputSize' | 'stateSize'>;

function prepareSizes(ctx: PrepareContext): Sizes {
  const input = ctx.input(INPUT);
  const output = ctx.output(0);
  const timeMajor = ctx.op.options.timeMajor === true;
  if (input.shape.length !== 3) ctx.fail(`input must be 3-D, got [${input.shape}]`);
  const hidden = ctx.input(HIDDEN_STATE);
  const stateSize = hidden.shape[hidden.shape.length - 1];
  const [d0, d1, inputSize] = input.shape;
  const sizes = {
    timeMajor,
    batches: timeMajor ? d1 : d0,
    timeSteps: timeMajor ? d0 : d1,
    inputSize,
    stateSize,
  };
  const is2d = (t: GraphTensor, rows: number, cols: number): boolean =>
    t.shape.length === 2 && t.shape[0] === rows && t.shape[1] === cols;
  for (let i = 1; i <= 8; i++)
    if (!is2d(ctx.input(i), stateSize, i <= 4 ? inputSize : stateSize))
      ctx.fail(`weights ${i} have the wrong shape`);
  for (let i = 12; i <= 15; i++)
    if (ctx.input(i).shape.join() !== `${stateSize}`) ctx.fail(`bias ${i} has the wrong shape`);
  for (const t of [hidden, ctx.input(CELL_STATE)])
    if (elementCount(t.shape) !== sizes.batches * stateSize) ctx.fail(`state "${t.name}" has the wrong size`);
  if (
    output.shape.length !== 3 ||
    output.shape[0] !== d0 ||
    output.shape[1] !== d1 ||
    output.shape[2] !== stateSize
  )
    ctx.fail(`output must be [${d0}, ${d1}, ${stateSize}], got [${output.shape}]`);
  return sizes;
}

/** GetQuantizedConvolutionMultipler into the Q3.12 gate: float product of scales, then double. */
function gateMultiplier(
  ctx: PrepareContext,
  activation: GraphTensor,
  weights: GraphTensor,
): [number, number] {
  const q = quantizeMultiplier(
    f32(tensorScale(ctx, activation) * tensorScale(ctx, weights)) / GATE_INPUT_SCALE,
  );
  return [q.multiplier, q.shift];
}

function prepareGate(ctx: PrepareContext, [w, r, b]: readonly number[], quantized: boolean): LstmGate {
  const [inputMultiplier, inputShift] = quantized
    ? gateMultiplier(ctx, ctx.input(INPUT), ctx.input(w))
    : [0, 0];
  const [recurrentMultiplier, recurrentShift] = quantized
    ? gateMultiplier(ctx, ctx.input(HIDDEN_STATE), ctx.input(r))
    : [0, 0];
  const ids = {
    inputWeights: ctx.input(w).index,
    recurrentWeights: ctx.input(r).index,
    bias: ctx.input(b).index,
  };
  const offsets = {
    inputWeightsOffset: -tensorZeroPoint(ctx.input(w)),
    recurrentWeightsOffset: -tensorZeroPoint(ctx.input(r)),
  };
  return { ...ids, inputMultiplier, inputShift, recurrentMultiplier, recurrentShift, ...offsets };
}

/** CreateInterGateMulParams: double(in1) * double(in2) / double(out). */
function mulParams(in1: number, in2: number, out: number, dtype: string, zeroPoint: number): LstmMul {
  const q = quantizeMultiplier((in1 * in2) / out);
  const [min, max] = dtype === 'int8' ? [-128, 127] : [-32768, 32767];
  return { multiplier: q.multiplier, shift: q.shift, zeroPoint, min, max };
}

type CellParams = Pick<
  LstmParams,
  | 'quantizedCellClip'
  | 'cellTanhMultiplier'
  | 'cellTanhShift'
  | 'forgetCellMul'
  | 'inputCellMul'
  | 'hiddenMul'
>;

function prepareCell(ctx: PrepareContext, cellClip: number): CellParams {
  const hidden = ctx.input(HIDDEN_STATE);
  const cellScale = tensorScale(ctx, ctx.input(CELL_STATE));
  // tanh(cell) rescales the cell state (scale 2^power) to the table's Q3.12 input.
  const leftShift = 15 + checkedLog2(cellScale).log2 - 3;
  return {
    quantizedCellClip: Math.trunc(Math.min(Math.max(cellClip / cellScale, -32768), 32767)),
    cellTanhMultiplier: leftShift < 0 ? 3 : 0,
    cellTanhShift: Math.abs(leftShift),
    forgetCellMul: mulParams(GATE_OUTPUT_SCALE, cellScale, cellScale, 'int16', 0),
    inputCellMul: mulParams(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, cellScale, 'int16', 0),
    hiddenMul: mulParams(
      GATE_OUTPUT_SCALE,
      GATE_OUTPUT_SCALE,
      tensorScale(ctx, hidden),
      hidden.dtype,
      tensorZeroPoint(hidden),
    ),
  };
}

function prepare(ctx: PrepareContext): LstmParams {
  checkTensors(ctx);
  const input = ctx.input(INPUT);
  const quantized = input.dtype !== 'float32';
  const cellClip = ctx.op.options.cellClip as number;
  const noMul: LstmMul = { multiplier: 0, shift: 0, zeroPoint: 0, min: 0, max: 0 };
  const floatCell: CellParams = {
    quantizedCellClip: 0,
    cellTanhMultiplier: 0,
    cellTanhShift: 0,
    forgetCellMul: noMul,
    inputCellMul: noMul,
    hiddenMul: noMul,
  };
  return {
    dtype: input.dtype as LstmParams['dtype'],
    input: input.index,
    hiddenState: ctx.input(HIDDEN_STATE).index,
    cellState: ctx.input(CELL_STATE).index,
    output: ctx.output(0).index,
    ...prepareSizes(ctx),
    forget: prepareGate(ctx, GATE_TENSORS.forget, quantized),
    inputGate: prepareGate(ctx, GATE_TENSORS.inputGate, quantized),
    cell: prepareGate(ctx, GATE_TENSORS.cell, quantized),
    outputGate: prepareGate(ctx, GATE_TENSORS.outputGate, quantized),
    inputOffset: -tensorZeroPoint(input),
    hiddenOffset: -tensorZeroPoint(ctx.input(HIDDEN_STATE)),
    cellClip,
    ...(quantized ? prepareCell(ctx, cellClip) : floatCell),
  };
}

/** The steps in TFLM's order: all batches per step when time-major, else batch by batch. */
function* slices(p: LstmParams): Generator<LstmStepSlice> {
  const rows = p.timeMajor ? p.batches : 1;
  const outer = p.timeMajor ? 1 : p.batches;
  for (let b = 0; b < outer; b++) {
    for (let t = 0; t < p.timeSteps; t++) {
      const step = b * p.timeSteps + t;
      yield {
        rows,
        inputOffset: step * rows * p.inputSize,
        stateOffset: b * p.stateSize,
        outputOffset: step * rows * p.stateSize,
      };
    }
  }
}

export const unidirectionalSequenceLstm = defineKernel({
  op: 'UNIDIRECTIONAL_SEQUENCE_LSTM',
  prepare,
  eval(p: LstmParams, store: TensorStore) {
    const n = (p.timeMajor ? p.batches : 1) * p.stateSize;
    if (p.dtype === 'float32') {
      const buf = {
        b0: new Float32Array(n),
        b1: new Float32Array(n),
        b2: new Float32Array(n),
        b3: new Float32Array(n),
      };
      for (const s of slices(p)) lstmStepFloat(p, store, s, buf);
    } else {
      const buf = {
        b0: new Int16Array(n),
        b1: new Int16Array(n),
        b2: new Int16Array(n),
        b3: new Int16Array(n),
      };
      for (const s of slices(p)) lstmStepInteger(p, store, s, buf);
    }
  },
  /** Four gate buffers of the cell type, one step's rows each (all batches when time-major). */
  scratchBytes(p: LstmParams) {
    return 4 * (p.timeMajor ? p.batches : 1) * p.stateSize * (p.dtype === 'float32' ? 4 : 2);
  },
});
