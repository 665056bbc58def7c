/** C emitter for RELU6 → runtime/kernels/relu6.c */
import type { Relu6Params } from '../../../kernels/relu6.js';
import { cFloat, defineEmitter } from '../context.js';
import { dtypeSuffix } from './elementwise-common.js';

export const relu6C = defineEmitter<Relu6Params>({
  op: 'RELU6',
  sources: () => ['kernels/relu6.c'],
  emit(p, ctx) {
    const limit = p.dtype === 'float32' ? cFloat : String;
    const args = `${ctx.tensor(p.input)}, ${ctx.tensor(p.output)}, ${p.count}, ${limit(p.lower)}, ${limit(p.upper)}`;
    return { code: `tf_relu6_${dtypeSuffix(p.dtype)}(${args});` };
  },
});
