/** C emitter for DEQUANTIZE → runtime/kernels/dequantize.c */
import type { DequantizeParams } from '../../../kernels/dequantize.js';
import { cFloat, defineEmitter } from '../context.js';

const FUNCTIONS: Record<DequantizeParams['inDType'], string> = {
  int8: 'tf_dequantize_s8',
  int16: 'tf_dequantize_s16',
  uint8: 'tf_dequantize_u8',
};

export const dequantizeC = defineEmitter<DequantizeParams>({
  op: 'DEQUANTIZE',
  sources: () => ['kernels/dequantize.c'],
  emit(p, ctx) {
    const params = ctx.params('tf_dequantize_t', {
      size: p.size,
      scale: cFloat(p.scale),
      zero_point: p.zeroPoint,
    });
    return { code: `${FUNCTIONS[p.inDType]}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
