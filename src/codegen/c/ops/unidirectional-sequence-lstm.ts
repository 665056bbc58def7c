/**
 * C emitter for UNIDIRECTIONAL_SEQUENCE_LSTM → runtime/kernels/unidirectional_sequence_lstm.c.
 * Hidden and cell state are the op's variable tensors; the four gate buffers live in scratch.
 */
import type { LstmGate, LstmMul, LstmParams } from '../../../kernels/common/lstm-step.js';
import { cFloat, defineEmitter, type EmitContext } from '../context.js';
import { constInt8, constInt32, foldRows } from './fully-connected.js';

const FUNCTIONS: Record<LstmParams['dtype'], string> = {
  float32: 'tf_lstm_f32',
  int8: 'tf_lstm_s8',
  int16: 'tf_lstm_s16',
};

const GATES = ['forget', 'inputGate', 'cell', 'outputGate'] as const;
const C_GATE: Record<(typeof GATES)[number], string> = {
  forget: 'forget',
  inputGate: 'input_gate',
  cell: 'cell',
  outputGate: 'output_gate',
};

const struct = (fields: Record<string, string | number>): string =>
  `{${Object.entries(fields)
    .map(([k, v]) => `.${k} = ${v}`)
    .join(', ')}}`;

type Gate = (typeof GATES)[number];
/** A gate's folded-constant tables (input, recurrent), or null when not folded. */
type Folds = Record<Gate, [string, string] | null>;

/** int8 with constant weights and bias: the offsets folded per output (see tf_lstm_gate_t). */
function foldGate(p: LstmParams, gate: Gate, ctx: EmitContext): [string, string] | null {
  const g = p[gate];
  const [w, r, bias] = [
    constInt8(ctx.graph, g.inputWeights),
    constInt8(ctx.graph, g.recurrentWeights),
    constInt32(ctx.graph, g.bias),
  ];
  if (p.dtype !== 'int8' || !w || !r || !bias) return null;
  const input = foldRows(w, p.inputSize, p.stateSize, g.inputWeightsOffset, p.inputOffset, bias);
  const recurrent = foldRows(r, p.stateSize, p.stateSize, g.recurrentWeightsOffset, p.hiddenOffset, null);
  return [
    ctx.table(`${C_GATE[gate]}_input_folded`, 'int32_t', input),
    ctx.table(`${C_GATE[gate]}_recurrent_folded`, 'int32_t', recurrent),
  ];
}

function gateParams(g: LstmGate, fold: [string, string] | null): string {
  return struct({
    input_multiplier: g.inputMultiplier,
    input_shift: g.inputShift,
    recurrent_multiplier: g.recurrentMultiplier,
    recurrent_shift: g.recurrentShift,
    input_weights_offset: g.inputWeightsOffset,
    recurrent_weights_offset: g.recurrentWeightsOffset,
    input_folded_bias: fold?.[0] ?? 'NULL',
    recurrent_folded_bias: fold?.[1] ?? 'NULL',
  });
}

const mulParams = (m: LstmMul): string =>
  struct({ multiplier: m.multiplier, shift: m.shift, zero_point: m.zeroPoint, min: m.min, max: m.max });

/**
 * The tensors as a local struct (activations live in the arena, so they are not constants); a
 * bias already folded into the gate's constants is not passed (nor emitted).
 */
function tensors(p: LstmParams, ctx: EmitContext, folds: Folds): string {
  const fields: Record<string, string> = {
    input: ctx.tensor(p.input),
    output: ctx.tensor(p.output),
    hidden_state: ctx.tensor(p.hiddenState),
    cell_state: ctx.tensor(p.cellState),
  };
  for (const g of GATES) {
    const t = p[g];
    fields[C_GATE[g]] = struct({
      input_weights: ctx.tensor(t.inputWeights),
      recurrent_weights: ctx.tensor(t.recurrentWeights),
      bias: folds[g] ? 'NULL' : ctx.tensor(t.bias),
    });
  }
  return `{
${Object.entries(fields)
  .map(([k, v]) => `        .${k} = ${v},`)
  .join('\n')}
    }`;
}

export const unidirectionalSequenceLstmC = defineEmitter<LstmParams>({
  op: 'UNIDIRECTIONAL_SEQUENCE_LSTM',
  sources: () => [
    'kernels/unidirectional_sequence_lstm.c',
    'kernels/fully_connected.c',
    'kernels/logistic.c',
  ],
  emit(p, ctx) {
    const folds = Object.fromEntries(GATES.map((g) => [g, foldGate(p, g, ctx)])) as Folds;
    const gates: Record<string, string> = {};
    for (const g of GATES) gates[C_GATE[g]] = gateParams(p[g], folds[g]);
    const params = ctx.params('tf_lstm_t', {
      time_major: p.timeMajor ? 1 : 0,
      batches: p.batches,
      time_steps: p.timeSteps,
      input_size: p.inputSize,
      state_size: p.stateSize,
      ...gates,
      input_offset: p.inputOffset,
      hidden_offset: p.hiddenOffset,
      cell_clip: cFloat(p.cellClip),
      quantized_cell_clip: p.quantizedCellClip,
      cell_tanh_multiplier: p.cellTanhMultiplier,
      cell_tanh_shift: p.cellTanhShift,
      forget_cell_mul: mulParams(p.forgetCellMul),
      input_cell_mul: mulParams(p.inputCellMul),
      hidden_mul: mulParams(p.hiddenMul),
    });
    const code = `{
    const tf_lstm_tensors_t tensors = ${tensors(p, ctx, folds)};
    ${FUNCTIONS[p.dtype]}(${params}, &tensors, ${ctx.scratch});
  }`;
    return { code };
  },
});
