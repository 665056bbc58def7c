/** The one emitter shape LOGISTIC and TANH share: a C function per dtype, int8 as a 256-entry table. */
import { type COpEmitter, defineEmitter } from '../context.js';

interface SigmoidParams {
  dtype: 'float32' | 'int8' | 'int16';
  size: number;
  inputMultiplier: number;
  inputShift: number;
  input: number;
  output: number;
}

/** `name` is the C kernel's stem (`logistic` → runtime/kernels/logistic.c, tf_logistic_*). */
export function sigmoidEmitter<P extends SigmoidParams>(
  op: string,
  name: string,
  int8At: (p: P, x: number) => number,
): COpEmitter<P> {
  const suffix = { float32: 'f32', int8: 's8', int16: 's16' } as const;
  return defineEmitter<P>({
    op,
    sources: () => [`kernels/${name}.c`],
    emit(p, ctx) {
      const lut =
        p.dtype === 'int8'
          ? ctx.table(
              'lut',
              'int8_t',
              Array.from({ length: 256 }, (_, i) => int8At(p, i - 128)),
            )
          : 'NULL';
      const params = ctx.params(`tf_${name}_t`, {
        size: p.size,
        input_multiplier: p.inputMultiplier,
        input_shift: p.inputShift,
        lut,
      });
      return {
        code: `tf_${name}_${suffix[p.dtype]}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});`,
      };
    },
  });
}
