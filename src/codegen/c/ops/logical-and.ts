/** C emitter for LOGICAL_AND → runtime/kernels/logical_and.c (also LOGICAL_OR's kernel). */
import type { LogicalParams } from '../../../kernels/logical-and.js';
import { type COpEmitter, defineEmitter } from '../context.js';
import { ELEMENTWISE_COMMON, plannedBinaryCall } from './elementwise-common.js';

export function logicalEmitter(op: string, fn: string): COpEmitter<LogicalParams> {
  return defineEmitter<LogicalParams>({
    op,
    sources: () => ['kernels/logical_and.c', ELEMENTWISE_COMMON],
    emit: (p, ctx) => ({ code: plannedBinaryCall(ctx, fn, p) }),
  });
}

export const logicalAndC = logicalEmitter('LOGICAL_AND', 'tf_logical_and_b8');
