/** C emitter for RELU → runtime/kernels/relu.c (also RELU_N1_TO_1's kernels). */
import type { ReluParams } from '../../../kernels/relu.js';
import { cFloat, defineEmitter, type EmitContext } from '../context.js';
import { dtypeSuffix } from './elementwise-common.js';

export const RELU_SOURCES = ['kernels/relu.c'];

/** RELU's requantize-and-clamp call; RELU_N1_TO_1 differs only in the limits TS prepare chose. */
export function reluCode(ctx: EmitContext, p: ReluParams): string {
  const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
  if (p.dtype === 'float32')
    return `tf_relu_f32(${io}, ${p.count}, ${cFloat(p.actMin)}, ${cFloat(p.actMax)});`;
  const params = ctx.params('tf_relu_q_t', {
    count: p.count,
    input_offset: p.inputOffset,
    output_offset: p.outputOffset,
    output_multiplier: p.outputMultiplier,
    output_shift: p.outputShift,
    act_min: p.actMin,
    act_max: p.actMax,
  });
  return `tf_relu_${dtypeSuffix(p.dtype)}(${params}, ${io});`;
}

export const reluC = defineEmitter<ReluParams>({
  op: 'RELU',
  sources: () => RELU_SOURCES,
  emit: (p, ctx) => ({ code: reluCode(ctx, p) }),
});
