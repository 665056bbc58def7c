/** C emitter for RESIZE_BILINEAR → runtime/kernels/resize_bilinear.c */
import type { AxisSamples, ResizeBilinearParams } from '../../../kernels/resize-bilinear.js';
import { defineEmitter } from '../context.js';

/** Each sample's offset from its lower index: float32 subtraction, or 1/1024 units for int8. */
export function fractions(s: AxisSamples, isFloat: boolean): number[] {
  return s.pos.map((pos, i) => (isFloat ? Math.fround(pos - s.lo[i]) : pos - 1024 * s.lo[i]));
}

export const resizeBilinearC = defineEmitter<ResizeBilinearParams>({
  op: 'RESIZE_BILINEAR',
  sources: () => ['kernels/resize_bilinear.c'],
  emit(p, ctx) {
    const isFloat = p.dtype === 'float32';
    const params = ctx.params('tf_resize_bilinear_t', {
      batches: p.batches,
      in_h: p.inH,
      in_w: p.inW,
      depth: p.depth,
      out_h: p.rows.pos.length,
      out_w: p.cols.pos.length,
      y_lo: ctx.table('y_lo', 'int32_t', p.rows.lo),
      y_hi: ctx.table('y_hi', 'int32_t', p.rows.hi),
      x_lo: ctx.table('x_lo', 'int32_t', p.cols.lo),
      x_hi: ctx.table('x_hi', 'int32_t', p.cols.hi),
    });
    const type = isFloat ? 'float' : 'int32_t';
    const dy = ctx.table('dy', type, fractions(p.rows, isFloat));
    const dx = ctx.table('dx', type, fractions(p.cols, isFloat));
    const fn = isFloat ? 'tf_resize_bilinear_f32' : 'tf_resize_bilinear_s8';
    return { code: `${fn}(${params}, ${dy}, ${dx}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});` };
  },
});
