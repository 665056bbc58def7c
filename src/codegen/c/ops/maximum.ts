/** C emitter for MAXIMUM → runtime/kernels/maximum.c (also MINIMUM's kernels). */
import type { MaxMinParams } from '../../../kernels/maximum.js';
import { defineEmitter } from '../context.js';
import { dtypeSuffix, ELEMENTWISE_COMMON, plannedBinaryCall } from './elementwise-common.js';

export const MAXMIN_SOURCES = ['kernels/maximum.c', ELEMENTWISE_COMMON];

export const maximumC = defineEmitter<MaxMinParams>({
  op: 'MAXIMUM',
  sources: () => MAXMIN_SOURCES,
  emit: (p, ctx) => ({ code: plannedBinaryCall(ctx, `tf_maximum_${dtypeSuffix(p.dtype)}`, p) }),
});
