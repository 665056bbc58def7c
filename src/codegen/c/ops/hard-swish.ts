/** C emitter for HARD_SWISH → runtime/kernels/hard_swish.c */
import type { HardSwishParams } from '../../../kernels/hard-swish.js';
import { defineEmitter } from '../context.js';

export const hardSwishC = defineEmitter<HardSwishParams>({
  op: 'HARD_SWISH',
  sources: () => ['kernels/hard_swish.c'],
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}`;
    if (p.dtype === 'float32') return { code: `tf_hard_swish_f32(${io}, ${p.count});` };
    const params = ctx.params('tf_hard_swish_q_t', {
      count: p.count,
      input_zero_point: p.inputZeroPoint,
      output_zero_point: p.outputZeroPoint,
      reluish_multiplier: p.reluishMultiplier,
      reluish_exponent: p.reluishExponent,
      output_multiplier: p.outputMultiplier,
      output_exponent: p.outputExponent,
    });
    return { code: `tf_hard_swish_s8(${params}, ${io});` };
  },
});
