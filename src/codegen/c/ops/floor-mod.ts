/** C emitter for FLOOR_MOD → runtime/kernels/floor_mod.c */
import type { FloatBinaryParams } from '../../../kernels/floor-div.js';
import { defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, plannedBinaryCall } from './elementwise-common.js';

export const floorModC = defineEmitter<FloatBinaryParams>({
  op: 'FLOOR_MOD',
  sources: () => ['kernels/floor_mod.c', ELEMENTWISE_COMMON],
  emit: (p, ctx) => ({ code: plannedBinaryCall(ctx, 'tf_floor_mod_f32', p) }),
});
