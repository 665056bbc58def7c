/** C emitter for L2_POOL_2D → runtime/kernels/l2_pool_2d.c (float32 only, as the TS kernel). */
import type { PoolParams } from '../../../kernels/average-pool-2d.js';
import { defineEmitter } from '../context.js';
import { poolCall } from './average-pool-2d.js';

export const l2Pool2dC = defineEmitter<PoolParams>({
  op: 'L2_POOL_2D',
  sources: () => ['kernels/l2_pool_2d.c'],
  emit: (p, ctx) => ({ code: poolCall('tf_l2_pool_2d', p, ctx) }),
});
