/** C emitter for RELU_N1_TO_1 → runtime/kernels/relu.c (RELU's kernels with limits -1 and 1). */
import type { ReluParams } from '../../../kernels/relu.js';
import { defineEmitter } from '../context.js';
import { reluCode, reluSources } from './relu.js';

export const reluN1To1C = defineEmitter<ReluParams>({
  op: 'RELU_N1_TO_1',
  sources: reluSources,
  emit: (p, ctx) => ({ code: reluCode(ctx, p) }),
});
