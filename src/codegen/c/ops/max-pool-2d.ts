/** C emitter for MAX_POOL_2D → runtime/kernels/max_pool_2d.c */
import type { PoolParams } from '../../../kernels/average-pool-2d.js';
import { defineEmitter } from '../context.js';
import { poolCall } from './average-pool-2d.js';

export const maxPool2dC = defineEmitter<PoolParams>({
  op: 'MAX_POOL_2D',
  sources: () => ['kernels/max_pool_2d.c'],
  emit: (p, ctx) => ({ code: poolCall('tf_max_pool_2d', p, ctx) }),
});
