/** C emitter for FULLY_CONNECTED → runtime/kernels/fully_connected.c */
import type { Graph } from '../../../graph/graph.js';
import type { FullyConnectedParams } from '../../../kernels/fully-connected.js';
import { cFloat, defineEmitter } from '../context.js';

/**
 * int8 with constant filter and bias: bias + input_offset * sum(filter row + filter offset) per
 * output channel, wrapping like int32 (see tf_fully_connected_q_t.folded_bias); else null.
 */
export function foldedBias(graph: Graph, p: FullyConnectedParams): Int32Array | null {
  const filter = graph.tensors[p.filter].data;
  const bias = p.bias >= 0 ? graph.tensors[p.bias].data : undefined;
  if (p.dtype !== 'int8' || !filter || (p.bias >= 0 && !bias)) return null;
  const w = new Int8Array(filter.buffer, filter.byteOffset, filter.byteLength);
  const b = bias ? new Int32Array(bias.slice().buffer) : null;
  const fOff = p.multipliers.length > 1 ? 0 : p.filterOffset;
  const folded = new Int32Array(p.outputDepth);
  for (let oc = 0; oc < p.outputDepth; oc++) {
    let rowSum = 0;
    for (let d = 0; d < p.accumDepth; d++) rowSum = (rowSum + w[oc * p.accumDepth + d] + fOff) | 0;
    folded[oc] = ((b ? b[oc] : 0) + Math.imul(p.inputOffset, rowSum)) | 0;
  }
  return folded;
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
