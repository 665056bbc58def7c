/** C emitter for MINIMUM → runtime/kernels/maximum.c (MAXIMUM's kernels with the comparison reversed). */
import type { MaxMinParams } from '../../../kernels/maximum.js';
import { defineEmitter } from '../context.js';
import { dtypeSuffix, plannedBinaryCall } from './elementwise-common.js';
import { MAXMIN_SOURCES } from './maximum.js';

export const minimumC = defineEmitter<MaxMinParams>({
  op: 'MINIMUM',
  sources: () => MAXMIN_SOURCES,
  emit: (p, ctx) => ({ code: plannedBinaryCall(ctx, `tf_minimum_${dtypeSuffix(p.dtype)}`, p) }),
});
