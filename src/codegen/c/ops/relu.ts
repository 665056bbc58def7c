/** C emitter for RELU → runtime/kernels/relu.c (also RELU_N1_TO_1's kernels); int8 as a table of results. */
import { type ReluParams, relu } from '../../../kernels/relu.js';
import { cFloat, defineEmitter, type EmitContext } from '../context.js';
import { ELEMENTWISE_COMMON, int8LutCall } from './elementwise-common.js';

export const reluSources = (p: ReluParams): string[] => [
  p.dtype === 'int8' ? ELEMENTWISE_COMMON : 'kernels/relu.c',
];

/** RELU's requantize-and-clamp call; RELU_N1_TO_1 differs only in the limits TS prepare chose. */
export function reluCode(ctx: EmitContext, p: ReluParams): string {
  if (p.dtype === 'int8') return int8LutCall(ctx, relu, p);
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
  return `tf_relu_s16(${params}, ${io});`;
}

export const reluC = defineEmitter<ReluParams>({
  op: 'RELU',
  sources: reluSources,
  emit: (p, ctx) => ({ code: reluCode(ctx, p) }),
});
