/** C emitter for FLOOR_DIV → runtime/kernels/floor_div.c */
import type { FloatBinaryParams } from '../../../kernels/floor-div.js';
import { defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, plannedBinaryCall } from './elementwise-common.js';

export const floorDivC = defineEmitter<FloatBinaryParams>({
  op: 'FLOOR_DIV',
  sources: () => ['kernels/floor_div.c', ELEMENTWISE_COMMON],
  emit: (p, ctx) => ({ code: plannedBinaryCall(ctx, 'tf_floor_div_f32', p) }),
});
