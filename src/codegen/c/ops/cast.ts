/** C emitter for CAST → runtime/kernels/cast.c (one function per dtype pair). */
import type { CastParams } from '../../../kernels/cast.js';
import { defineEmitter } from '../context.js';
import { dtypeSuffix } from './elementwise-common.js';

export const castC = defineEmitter<CastParams>({
  op: 'CAST',
  sources: () => ['kernels/cast.c'],
  emit(p, ctx) {
    const fn = `tf_cast_${dtypeSuffix(p.from)}_${dtypeSuffix(p.to)}`;
    return { code: `${fn}(${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count});` };
  },
});
