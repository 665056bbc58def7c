/** C emitter for SUB → runtime/kernels/add.c (the ADD kernels with the second input negated). */
import type { AddSubParams } from '../../../kernels/add.js';
import { defineEmitter } from '../context.js';
import { ADD_SUB_SOURCES, addSubCode } from './add.js';

export const subC = defineEmitter<AddSubParams>({
  op: 'SUB',
  sources: () => ADD_SUB_SOURCES,
  emit: (p, ctx) => ({ code: addSubCode(ctx, p, 'sub') }),
});
