/** C emitter for BATCH_MATMUL → runtime/kernels/batch_matmul.c (no transposed copies: the TS scratch goes unused). */
import type { BatchMatMulParams } from '../../../kernels/batch-matmul.js';
import { defineEmitter } from '../context.js';
import { requireInt64Shift } from './reduce-prod.js';

/** TF_BATCH_MATMUL_MAX_BATCH_DIMS: operands have rank 2..5. */
const MAX_BATCH_DIMS = 3;

const padded = (xs: number[]): string =>
  `{${[...xs, ...new Array<number>(MAX_BATCH_DIMS - xs.length).fill(0)].join(', ')}}`;

const SUFFIX = { float32: 'f32', int8: 's8', int16: 's16' } as const;

export const batchMatmulC = defineEmitter<BatchMatMulParams>({
  op: 'BATCH_MATMUL',
  sources: () => ['kernels/batch_matmul.c'],
  emit(p, ctx) {
    if (p.dtype === 'int16') requireInt64Shift(ctx, p.shift, p.output);
    const params = ctx.params('tf_batch_matmul_t', {
      batch_rank: p.batchShape.length,
      batch_shape: padded(p.batchShape),
      lhs_steps: padded(p.lhsBatchSteps),
      rhs_steps: padded(p.rhsBatchSteps),
      rows: p.rows,
      depth: p.depth,
      cols: p.cols,
      adj_x: p.adjX ? 1 : 0,
      adj_y: p.adjY ? 1 : 0,
      lhs_offset: p.lhsOffset,
      rhs_offset: p.rhsOffset,
      output_offset: p.outputOffset,
      multiplier: p.multiplier,
      shift: p.shift,
    });
    const args = `${ctx.tensor(p.lhs)}, ${ctx.tensor(p.rhs)}, ${ctx.tensor(p.output)}`;
    return { code: `tf_batch_matmul_${SUFFIX[p.dtype]}(${params}, ${args});` };
  },
});
