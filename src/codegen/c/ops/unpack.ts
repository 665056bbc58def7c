/** C emitter for UNPACK → tf_split_chunks: unstacking an axis is splitting it into equal parts. */
import type { UnpackParams } from '../../../kernels/unpack.js';
import { defineEmitter } from '../context.js';
import { SHAPE_COMMON, splitCode } from './shape-copy.js';

export const unpackC = defineEmitter<UnpackParams>({
  op: 'UNPACK',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({
    code: splitCode(
      ctx,
      p.width,
      p.input,
      p.outputs,
      p.outerSize,
      p.outputs.map(() => p.copySize),
    ),
  }),
});
