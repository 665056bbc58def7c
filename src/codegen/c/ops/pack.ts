/** C emitter for PACK → tf_concat_chunks: stacking on a new axis is concatenating equal parts. */
import type { PackParams } from '../../../kernels/pack.js';
import { defineEmitter } from '../context.js';
import { concatCode, SHAPE_COMMON } from './shape-copy.js';

export const packC = defineEmitter<PackParams>({
  op: 'PACK',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({
    code: concatCode(
      ctx,
      p.width,
      p.inputs,
      p.output,
      p.outerSize,
      p.inputs.map(() => p.copySize),
    ),
  }),
});
