/** C emitter for FULLY_CONNECTED → runtime/kernels/fully_connected.c */
import type { Graph } from '../../../graph/graph.js';
import type { FullyConnectedParams } from '../../../kernels/fully-connected.js';
import { cFloat, defineEmitter } from '../context.js';

/** A constant int8 tensor's values, or null when the tensor is computed at run time. */
export function constInt8(graph: Graph, t: number): Int8Array | null {
  const data = graph.tensors[t].data;
  return data ? new Int8Array(data.buffer, data.byteOffset, data.byteLength) : null;
}

/** A constant int16 tensor's values, or null when the tensor is computed at run time. */
export function constInt16(graph: Graph, t: number): Int16Array | null {
  const data = graph.tensors[t].data;
  return data ? new Int16Array(data.slice().buffer) : null;
}

/** A constant int32 tensor's values (null when absent, -1, or computed at run time). */
export function constInt32(graph: Graph, t: number): Int32Array | null {
  const data = t >= 0 ? graph.tensors[t].data : null;
  return data ? new Int32Array(data.slice().buffer) : null;
}

/**
 * Per weights row: bias + activationOffset * sum(row + weightsOffset), wrapping like int32 — the
 * constant part of sum (w + weightsOffset)(x + activationOffset) + bias.
 */
export function foldRows(
  weights: ArrayLike<number>,
  depth: number,
  rows: number,
  weightsOffset: number,
  activationOffset: number,
  bias: Int32Array | null,
): Int32Array {
  const folded = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let rowSum = 0;
    for (let d = 0; d < depth; d++) rowSum = (rowSum + weights[r * depth + d] + weightsOffset) | 0;
    folded[r] = ((bias ? bias[r] : 0) + Math.imul(activationOffset, rowSum)) | 0;
  }
  return folded;
}

/** int8 with constant filter and bias: see tf_fully_connected_q_t.folded_bias; else null. */
function foldedBias(graph: Graph, p: FullyConnectedParams): Int32Array | null {
  const filter = constInt8(graph, p.filter);
  const bias = constInt32(graph, p.bias);
  if (p.dtype !== 'int8' || !filter || (p.bias >= 0 && !bias)) return null;
  const fOff = p.multipliers.length > 1 ? 0 : p.filterOffset;
  return foldRows(filter, p.accumDepth, p.outputDepth, fOff, p.inputOffset, bias);
}

export const fullyConnectedC = defineEmitter<FullyConnectedParams>({
  op: 'FULLY_CONNECTED',
  sources: () => ['kernels/fully_connected.c'],
  emit(p, ctx) {
    const shape = { batches: p.batches, output_depth: p.outputDepth, accum_depth: p.accumDepth };
    const folded = foldedBias(ctx.graph, p);
    const bias = folded ? 'NULL' : ctx.optTensor(p.bias);
    const args = `${ctx.tensor(p.input)}, ${ctx.tensor(p.filter)}, ${bias}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') {
      const params = ctx.params('tf_fully_connected_f_t', {
        ...shape,
        act_min: cFloat(p.actMin),
        act_max: cFloat(p.actMax),
      });
      return { code: `tf_fully_connected_f32(${params}, ${args});` };
    }
    const params = ctx.params('tf_fully_connected_q_t', {
      ...shape,
      input_offset: p.inputOffset,
      filter_offset: p.filterOffset,
      output_offset: p.outputOffset,
      multipliers: ctx.table('multipliers', 'int32_t', p.multipliers),
      shifts: ctx.table('shifts', 'int32_t', p.shifts),
      per_channel: p.multipliers.length > 1 ? 1 : 0,
      act_min: p.actMin,
      act_max: p.actMax,
      folded_bias: folded ? ctx.table('folded_bias', 'int32_t', folded) : 'NULL',
    });
    const fn =
      p.dtype === 'int8'
        ? 'tf_fully_connected_s8'
        : p.wideAccumulator
          ? 'tf_fully_connected_s16_b64'
          : 'tf_fully_connected_s16';
    return { code: `${fn}(${params}, ${args});` };
  },
});
