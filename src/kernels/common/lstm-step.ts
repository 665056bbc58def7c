/**
 * One time step of TFLM's standard (no peephole, projection or layer norm) LSTM, lstm_eval.h:
 * forget, input and cell gates, the cell update, the output gate and the hidden update. Gates are
 * FC(input) + FC(hidden) followed by sigmoid (tanh for the cell gate); integer kernels hold gates
 * in Q3.12 before the non-linearity and Q0.15 after it, the cell state in int16.
 */
import type { TensorStore } from '../../interpreter/tensor-store.js';
import {
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
} from '../../quant/fixed-point.js';
import { logisticInt16, tanhInt16 } from '../../quant/gemmlowp.js';
import { logisticFloat } from '../logistic.js';

export interface LstmGate {
  inputWeights: number;
  recurrentWeights: number;
  bias: number;
  inputMultiplier: number;
  inputShift: number;
  recurrentMultiplier: number;
  recurrentShift: number;
  /** -zero point of each weights tensor (weights are normally symmetric). */
  inputWeightsOffset: number;
  recurrentWeightsOffset: number;
}

export interface LstmMul {
  multiplier: number;
  shift: number;
  zeroPoint: number;
  min: number;
  max: number;
}

export interface LstmParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  hiddenState: number;
  cellState: number;
  output: number;
  timeMajor: boolean;
  batches: number;
  timeSteps: number;
  inputSize: number;
  stateSize: number;
  forget: LstmGate;
  inputGate: LstmGate;
  cell: LstmGate;
  outputGate: LstmGate;
  /** -zero point of the input and of the hidden state. */
  inputOffset: number;
  hiddenOffset: number;
  cellClip: number;
  quantizedCellClip: number;
  /** tanh(cell state) input scaling: multiplier 0 means 3 << shift (see tanhInt16). */
  cellTanhMultiplier: number;
  cellTanhShift: number;
  forgetCellMul: LstmMul;
  inputCellMul: LstmMul;
  hiddenMul: LstmMul;
}

/** Where one step reads and writes, and how many rows (batches) it processes at once. */
export interface LstmStepSlice {
  rows: number;
  inputOffset: number;
  stateOffset: number;
  outputOffset: number;
}

export interface LstmBuffers<T> {
  b0: T;
  b1: T;
  b2: T;
  b3: T;
}

const FLOAT_MAX = 3.4028234663852886e38;
const sat16 = (v: number): number => Math.min(Math.max(v, -32768), 32767);

type Act = Int8Array | Int16Array;

/** One FC operand of a gate: activations (at an offset), weights and the requantization. */
interface FcOperand {
  x: Act;
  base: number;
  /** -zero point of the activations and of the weights. */
  offset: number;
  depth: number;
  weights: Int8Array;
  weightsOffset: number;
  multiplier: number;
  shift: number;
}

/** reference_integer_ops::FullyConnected into int16 (Q3.12): int32 sums for int8, int64 for int16. */
function fcInteger(
  p: LstmParams,
  a: FcOperand,
  bias: ArrayLike<number | bigint> | null,
  rows: number,
  out: Int16Array,
) {
  for (let b = 0; b < rows; b++) {
    for (let oc = 0; oc < p.stateSize; oc++) {
      let acc = 0;
      for (let d = 0; d < a.depth; d++)
        acc += (a.weights[oc * a.depth + d] + a.weightsOffset) * (a.x[a.base + b * a.depth + d] + a.offset);
      const scaled =
        p.dtype === 'int16'
          ? multiplyByQuantizedMultiplierInt64(
              BigInt(acc) + BigInt(bias ? bias[oc] : 0),
              a.multiplier,
              a.shift,
            )
          : multiplyByQuantizedMultiplier((acc + Number(bias ? bias[oc] : 0)) | 0, a.multiplier, a.shift);
      out[b * p.stateSize + oc] = sat16(scaled);
    }
  }
}

function gateInteger(
  p: LstmParams,
  store: TensorStore,
  s: LstmStepSlice,
  g: LstmGate,
  sigmoid: boolean,
  out: Int16Array,
  tmp: Int16Array,
): void {
  const act = (t: number): Act => (p.dtype === 'int16' ? store.i16(t) : store.i8(t));
  const input: FcOperand = {
    x: act(p.input),
    base: s.inputOffset,
    offset: p.inputOffset,
    depth: p.inputSize,
    weights: store.i8(g.inputWeights),
    weightsOffset: g.inputWeightsOffset,
    multiplier: g.inputMultiplier,
    shift: g.inputShift,
  };
  const recurrent: FcOperand = {
    x: act(p.hiddenState),
    base: s.stateOffset,
    offset: p.hiddenOffset,
    depth: p.stateSize,
    weights: store.i8(g.recurrentWeights),
    weightsOffset: g.recurrentWeightsOffset,
    multiplier: g.recurrentMultiplier,
    shift: g.recurrentShift,
  };
  fcInteger(p, input, p.dtype === 'int16' ? store.i64(g.bias) : store.i32(g.bias), s.rows, out);
  fcInteger(p, recurrent, null, s.rows, tmp);
  for (let i = 0; i < s.rows * p.stateSize; i++) {
    const v = sat16(out[i] + tmp[i]);
    // Gates are Q3.12: sigmoid's exact path is multiplier 3, and tanh's shift for 2^-12 is 0.
    out[i] = sigmoid ? logisticInt16(v, 0, 0) : tanhInt16(v, 0, 0);
  }
}

/** reference_integer_ops::MulElementwise of two int16 vectors. */
function mulInteger(m: LstmMul, a: number, b: number): number {
  const v = m.zeroPoint + multiplyByQuantizedMultiplier(a * b, m.multiplier, m.shift);
  return Math.min(Math.max(v, m.min), m.max);
}

export function lstmStepInteger(
  p: LstmParams,
  store: TensorStore,
  s: LstmStepSlice,
  buf: LstmBuffers<Int16Array>,
): void {
  const n = s.rows * p.stateSize;
  gateInteger(p, store, s, p.forget, true, buf.b0, buf.b3);
  gateInteger(p, store, s, p.inputGate, true, buf.b1, buf.b3);
  gateInteger(p, store, s, p.cell, false, buf.b2, buf.b3);
  const cell = store.i16(p.cellState);
  for (let i = 0; i < n; i++) {
    const c = s.stateOffset + i;
    const kept = mulInteger(p.forgetCellMul, buf.b0[i], cell[c]);
    let v = sat16(kept + mulInteger(p.inputCellMul, buf.b1[i], buf.b2[i]));
    if (p.cellClip > 0) v = Math.max(Math.min(p.quantizedCellClip, v), -p.quantizedCellClip);
    cell[c] = v;
  }
  gateInteger(p, store, s, p.outputGate, true, buf.b1, buf.b3);
  const hidden = p.dtype === 'int16' ? store.i16(p.hiddenState) : store.i8(p.hiddenState);
  const output = p.dtype === 'int16' ? store.i16(p.output) : store.i8(p.output);
  for (let i = 0; i < n; i++) {
    const tanhCell = tanhInt16(cell[s.stateOffset + i], p.cellTanhMultiplier, p.cellTanhShift);
    hidden[s.stateOffset + i] = mulInteger(p.hiddenMul, tanhCell, buf.b1[i]);
    output[s.outputOffset + i] = hidden[s.stateOffset + i];
  }
}

/** reference_ops::FullyConnected with no activation (results still clamp to +-FLT_MAX). */
function fcFloat(
  p: LstmParams,
  x: Float32Array,
  xBase: number,
  depth: number,
  weights: Float32Array,
  bias: Float32Array | null,
  rows: number,
  out: Float32Array,
): void {
  const f = Math.fround;
  for (let b = 0; b < rows; b++) {
    for (let oc = 0; oc < p.stateSize; oc++) {
      let total = 0;
      for (let d = 0; d < depth; d++)
        total = f(total + f(x[xBase + b * depth + d] * weights[oc * depth + d]));
      out[b * p.stateSize + oc] = Math.min(Math.max(f(total + (bias ? bias[oc] : 0)), -FLOAT_MAX), FLOAT_MAX);
    }
  }
}

function gateFloat(
  p: LstmParams,
  store: TensorStore,
  s: LstmStepSlice,
  g: LstmGate,
  sigmoid: boolean,
  out: Float32Array,
  tmp: Float32Array,
): void {
  fcFloat(
    p,
    store.f32(p.input),
    s.inputOffset,
    p.inputSize,
    store.f32(g.inputWeights),
    store.f32(g.bias),
    s.rows,
    out,
  );
  fcFloat(
    p,
    store.f32(p.hiddenState),
    s.stateOffset,
    p.stateSize,
    store.f32(g.recurrentWeights),
    null,
    s.rows,
    tmp,
  );
  const n = s.rows * p.stateSize;
  for (let i = 0; i < n; i++) {
    const v = Math.fround(out[i] + tmp[i]);
    out[i] = sigmoid ? logisticFloat(v) : Math.tanh(v);
  }
}

const mulFloat = (a: number, b: number): number =>
  Math.min(Math.max(Math.fround(a * b), -FLOAT_MAX), FLOAT_MAX);

export function lstmStepFloat(
  p: LstmParams,
  store: TensorStore,
  s: LstmStepSlice,
  buf: LstmBuffers<Float32Array>,
): void {
  const f = Math.fround;
  const n = s.rows * p.stateSize;
  gateFloat(p, store, s, p.forget, true, buf.b0, buf.b3);
  gateFloat(p, store, s, p.inputGate, true, buf.b1, buf.b3);
  gateFloat(p, store, s, p.cell, false, buf.b2, buf.b3);
  const cell = store.f32(p.cellState);
  for (let i = 0; i < n; i++) {
    const c = s.stateOffset + i;
    let v = f(mulFloat(buf.b0[i], cell[c]) + mulFloat(buf.b1[i], buf.b2[i]));
    if (p.cellClip > 0) v = Math.max(Math.min(p.cellClip, v), -p.cellClip);
    cell[c] = v;
  }
  gateFloat(p, store, s, p.outputGate, true, buf.b1, buf.b3);
  const hidden = store.f32(p.hiddenState);
  const output = store.f32(p.output);
  for (let i = 0; i < n; i++) {
    hidden[s.stateOffset + i] = mulFloat(f(Math.tanh(cell[s.stateOffset + i])), buf.b1[i]);
    output[s.outputOffset + i] = hidden[s.stateOffset + i];
  }
}
