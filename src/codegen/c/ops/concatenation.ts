/** C emitter for CONCATENATION → tf_concat_chunks (runtime/kernels/shape_common.c) */
import type { ConcatenationParams } from '../../../kernels/concatenation.js';
import { defineEmitter } from '../context.js';
import { concatCode, SHAPE_COMMON } from './shape-copy.js';

export const concatenationC = defineEmitter<ConcatenationParams>({
  op: 'CONCATENATION',
  sources: () => [SHAPE_COMMON],
  emit: (p, ctx) => ({ code: concatCode(ctx, p.width, p.inputs, p.output, p.outerSize, p.copySizes) }),
});
