/** C emitter for LOG_SOFTMAX → runtime/kernels/log_softmax.c */
import type { LogSoftmaxParams } from '../../../kernels/log-softmax.js';
import { defineEmitter } from '../context.js';

export const logSoftmaxC = defineEmitter<LogSoftmaxParams>({
  op: 'LOG_SOFTMAX',
  sources: () => ['kernels/log_softmax.c'],
  emit(p, ctx) {
    const params = ctx.params('tf_log_softmax_t', {
      outer_size: p.outerSize,
      depth: p.depth,
      input_multiplier: p.inputMultiplier,
      input_shift: p.inputShift,
      reverse_scaling_divisor: p.reverseScalingDivisor,
      reverse_scaling_shift: p.reverseScalingShift,
      diff_min: p.diffMin,
    });
    const fn = p.dtype === 'float32' ? 'tf_log_softmax_f32' : 'tf_log_softmax_s8';
    return { code: `${fn}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
