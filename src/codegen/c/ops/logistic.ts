/** C emitter for LOGISTIC → runtime/kernels/logistic.c (int8 as a table of the TS kernel's results). */
import { type LogisticParams, logisticInt8 } from '../../../kernels/logistic.js';
import { defineEmitter } from '../context.js';

const FUNCTIONS: Record<LogisticParams['dtype'], string> = {
  float32: 'tf_logistic_f32',
  int8: 'tf_logistic_s8',
  int16: 'tf_logistic_s16',
};

export const logisticC = defineEmitter<LogisticParams>({
  op: 'LOGISTIC',
  sources: () => ['kernels/logistic.c'],
  emit(p, ctx) {
    const lut =
      p.dtype === 'int8'
        ? ctx.table(
            'lut',
            'int8_t',
            Array.from({ length: 256 }, (_, i) => logisticInt8(p, i - 128)),
          )
        : 'NULL';
    const params = ctx.params('tf_logistic_t', {
      size: p.size,
      input_multiplier: p.inputMultiplier,
      input_shift: p.inputShift,
      lut,
    });
    return { code: `${FUNCTIONS[p.dtype]}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
