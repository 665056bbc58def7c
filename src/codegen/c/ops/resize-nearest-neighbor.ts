/** C emitter for RESIZE_NEAREST_NEIGHBOR → runtime/kernels/resize_nearest_neighbor.c */
import type { ResizeNearestParams } from '../../../kernels/resize-nearest-neighbor.js';
import { defineEmitter } from '../context.js';

const ELEMENT_BYTES = { float32: 4, int8: 1, int16: 2 } as const;

export const resizeNearestNeighborC = defineEmitter<ResizeNearestParams>({
  op: 'RESIZE_NEAREST_NEIGHBOR',
  sources: () => ['kernels/resize_nearest_neighbor.c'],
  emit(p, ctx) {
    const pixel = p.depth * ELEMENT_BYTES[p.dtype];
    const params = ctx.params('tf_resize_nearest_t', {
      batches: p.batches,
      out_h: p.outH,
      out_w: p.outW,
      pixel_bytes: pixel,
      image_bytes: p.inH * p.inW * pixel,
      row_offsets: ctx.table(
        'row_offsets',
        'int32_t',
        p.rowMap.map((y) => y * p.inW * pixel),
      ),
      col_offsets: ctx.table(
        'col_offsets',
        'int32_t',
        p.colMap.map((x) => x * pixel),
      ),
    });
    return {
      code: `tf_resize_nearest_neighbor(${params}, ${ctx.tensor(p.input)}, ${ctx.tensor(p.output)});`,
    };
  },
});
