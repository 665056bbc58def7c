/** C emitter for AVERAGE_POOL_2D → runtime/kernels/average_pool_2d.c (also the pooling geometry MAX/L2 share). */
import type { PoolParams } from '../../../kernels/average-pool-2d.js';
import { cFloat, defineEmitter, type EmitContext } from '../context.js';

const SUFFIX: Record<PoolParams['dtype'], string> = { int8: 's8', int16: 's16', float32: 'f32' };

/** The call `${base}_${dtype suffix}(params, input, output)` with tf_pool_q_t / tf_pool_f_t params. */
export function poolCall(base: string, p: PoolParams, ctx: EmitContext): string {
  const g = [
    `.batches = ${p.batches}`,
    `.in_h = ${p.inH}`,
    `.in_w = ${p.inW}`,
    `.depth = ${p.depth}`,
    `.out_h = ${p.outH}`,
    `.out_w = ${p.outW}`,
    `.filter_h = ${p.filterH}`,
    `.filter_w = ${p.filterW}`,
    `.stride_h = ${p.strideH}`,
    `.stride_w = ${p.strideW}`,
    `.pad_h = ${p.padH}`,
    `.pad_w = ${p.padW}`,
  ];
  const isFloat = p.dtype === 'float32';
  const params = ctx.params(isFloat ? 'tf_pool_f_t' : 'tf_pool_q_t', {
    g: `{${g.join(', ')}}`,
    act_min: isFloat ? cFloat(p.actMin) : p.actMin,
    act_max: isFloat ? cFloat(p.actMax) : p.actMax,
  });
  return `${base}_${SUFFIX[p.dtype]}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});`;
}

export const averagePool2dC = defineEmitter<PoolParams>({
  op: 'AVERAGE_POOL_2D',
  sources: () => ['kernels/average_pool_2d.c'],
  emit: (p, ctx) => ({ code: poolCall('tf_average_pool_2d', p, ctx) }),
});
