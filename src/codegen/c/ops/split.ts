/** C emitter for SPLIT → tf_split_chunks (runtime/kernels/shape_common.c) */
import type { SplitParams } from '../../../kernels/split.js';
import { defineEmitter } from '../context.js';
import { SHAPE_COMMON, splitCode } from './shape-copy.js';

export const splitC = defineEmitter<SplitParams>({
  op: 'SPLIT',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: splitCode(ctx, p.width, p.input, p.outputs, p.outerSize, p.copySizes) }),
});
