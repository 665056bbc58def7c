/** C emitter for TRANSPOSE_CONV → runtime/kernels/transpose_conv.c */
import type { TransposeConvParams } from '../../../kernels/transpose-conv.js';
import { cFloat, defineEmitter } from '../context.js';
import { cStruct } from './conv-2d.js';

function geometry(p: TransposeConvParams): string {
  return cStruct({
    batches: p.batches,
    in_h: p.inH,
    in_w: p.inW,
    in_d: p.inD,
    filter_h: p.filterH,
    filter_w: p.filterW,
    out_h: p.outH,
    out_w: p.outW,
    out_d: p.outD,
    stride_h: p.strideH,
    stride_w: p.strideW,
    pad_h: p.padH,
    pad_w: p.padW,
  });
}

export const transposeConvC = defineEmitter<TransposeConvParams>({
  op: 'TRANSPOSE_CONV',
  sources: () => ['kernels/transpose_conv.c'],
  emit(p, ctx) {
    const io = `${ctx.tensor(p.input)}, ${ctx.tensor(p.filter)}`;
    const output = ctx.tensor(p.output);
    const bias = ctx.optTensor(p.bias);
    if (p.dtype === 'float32') {
      const params = ctx.params('tf_transpose_conv_f_t', {
        g: geometry(p),
        act_min: cFloat(p.actMin),
        act_max: cFloat(p.actMax),
      });
      return { code: `tf_transpose_conv_f32(${params}, ${io}, ${bias}, ${output});` };
    }
    const params = ctx.params('tf_transpose_conv_q_t', {
      g: geometry(p),
      input_offset: p.inputOffset,
      output_offset: p.outputOffset,
      multipliers: ctx.table('multipliers', 'int32_t', p.multipliers),
      shifts: ctx.table('shifts', 'int32_t', p.shifts),
      act_min: p.actMin,
      act_max: p.actMax,
    });
    if (p.dtype === 'int8') return { code: `tf_transpose_conv_s8(${params}, ${io}, ${bias}, ${output});` };
    const [bias16, bias64] = p.biasKind === 'int16' ? [bias, 'NULL'] : ['NULL', bias];
    return { code: `tf_transpose_conv_s16(${params}, ${io}, ${bias16}, ${bias64}, ${output});` };
  },
});
