/** C emitter for TANH → runtime/kernels/tanh.c (int8 as a table of the TS kernel's results). */
import { type TanhParams, tanhInt8 } from '../../../kernels/tanh.js';
import { defineEmitter } from '../context.js';

const FUNCTIONS: Record<TanhParams['dtype'], string> = {
  float32: 'tf_tanh_f32',
  int8: 'tf_tanh_s8',
  int16: 'tf_tanh_s16',
};

export const tanhC = defineEmitter<TanhParams>({
  op: 'TANH',
  sources: () => ['kernels/tanh.c'],
  emit(p, ctx) {
    const lut =
      p.dtype === 'int8'
        ? ctx.table(
            'lut',
            'int8_t',
            Array.from({ length: 256 }, (_, i) => tanhInt8(p, i - 128)),
          )
        : 'NULL';
    const params = ctx.params('tf_tanh_t', {
      size: p.size,
      input_multiplier: p.inputMultiplier,
      input_shift: p.inputShift,
      lut,
    });
    return { code: `${FUNCTIONS[p.dtype]}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
