/** C emitter for REDUCE_PROD → runtime/kernels/reduce_prod.c */
import { UnsupportedOperatorError } from '../../../errors.js';
import type { ReduceProdParams } from '../../../kernels/reduce-prod.js';
import { defineEmitter, type EmitContext } from '../context.js';
import { planParams, quantParams, SUFFIX } from './reduce-common.js';

/**
 * tf_mbqm_int64 rounds with 1 << (14 - shift): a per-step scale of 2^15 or more (TFLM's own
 * 64-bit variant assumes shift <= 7) has no C form; the TS kernel then shifts by a negative amount.
 */
export function requireInt64Shift(ctx: EmitContext, shift: number, output: number): void {
  if (shift < 15) return;
  throw new UnsupportedOperatorError([
    {
      index: ctx.opIndex,
      opcode: ctx.graph.ops[ctx.opIndex]?.opcode ?? '?',
      dtype: ctx.graph.tensors[output].dtype,
      reason: `rescale by 2^${shift} is beyond the 64-bit requantization (shift <= 14)`,
    },
  ]);
}

export const reduceProdC = defineEmitter<ReduceProdParams>({
  op: 'REDUCE_PROD',
  sources: () => ['kernels/reduce_prod.c'],
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_reduce_prod_f32(${planParams(p, ctx, p.output)}, ${io});` };
    requireInt64Shift(ctx, p.shift, p.output);
    const params = quantParams(p, ctx, p.output);
    return { code: `tf_reduce_prod_${SUFFIX[p.dtype]}(${params}, ${io}, ${ctx.scratch});` };
  },
});
