/** C emitter for SOFTMAX → runtime/kernels/softmax.c */
import type { SoftmaxParams } from '../../../kernels/softmax.js';
import { cFloat, defineEmitter } from '../context.js';

const FUNCTIONS: Record<SoftmaxParams['kind'], string> = {
  float32: 'tf_softmax_f32',
  int8: 'tf_softmax_s8',
  'int8-int16': 'tf_softmax_s8_s16',
  int16: 'tf_softmax_s16',
};

export const softmaxC = defineEmitter<SoftmaxParams>({
  op: 'SOFTMAX',
  sources: () => ['kernels/softmax.c'],
  emit(p, ctx) {
    const lut = (suffix: string, values: Int16Array | null): string =>
      values ? ctx.table(suffix, 'int16_t', values) : 'NULL';
    const params = ctx.params('tf_softmax_t', {
      outer_size: p.outerSize,
      depth: p.depth,
      beta: cFloat(p.beta),
      input_multiplier: p.inputMultiplier,
      input_shift: p.inputShift,
      diff_min: p.diffMin,
      exp_lut: lut('exp_lut', p.expLut),
      one_over_one_plus_x_lut: lut('one_over_one_plus_x_lut', p.oneOverOnePlusXLut),
    });
    return { code: `${FUNCTIONS[p.kind]}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
