/** C emitter for FULLY_CONNECTED → runtime/kernels/fully_connected.c */
import type { FullyConnectedParams } from '../../../kernels/fully-connected.js';
import { cFloat, defineEmitter } from '../context.js';

export const fullyConnectedC = defineEmitter<FullyConnectedParams>({
  op: 'FULLY_CONNECTED',
  sources: () => ['kernels/fully_connected.c'],
  emit(p, ctx) {
    const shape = { batches: p.batches, output_depth: p.outputDepth, accum_depth: p.accumDepth };
    const args = `${ctx.tensor(p.input)}, ${ctx.tensor(p.filter)}, ${ctx.optTensor(p.bias)}, ${ctx.tensor(p.output)}`;
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
