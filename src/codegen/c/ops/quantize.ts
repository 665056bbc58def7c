/** C emitter for QUANTIZE → runtime/kernels/quantize.c */
import type { QuantizeParams } from '../../../kernels/quantize.js';
import { cFloat, defineEmitter } from '../context.js';

const SHORT: Record<string, string> = { float32: 'f32', int8: 's8', uint8: 'u8', int16: 's16', int32: 's32' };

export const quantizeC = defineEmitter<QuantizeParams>({
  op: 'QUANTIZE',
  sources: () => ['kernels/quantize.c'],
  emit(p, ctx) {
    const params = ctx.params('tf_quantize_t', {
      size: p.size,
      scale: cFloat(p.scale),
      input_zero_point: p.inputZeroPoint,
      output_zero_point: p.outputZeroPoint,
      multiplier: p.multiplier,
      shift: p.shift,
    });
    const fn = `${p.inDType === 'float32' ? 'tf_quantize' : 'tf_requantize'}_${SHORT[p.inDType]}_${SHORT[p.outDType]}`;
    return { code: `${fn}(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
