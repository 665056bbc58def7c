/** C emitter for PAD → runtime/kernels/pad.c */
import type { PadParams } from '../../../kernels/pad.js';
import { defineEmitter, type EmitContext } from '../context.js';
import { isEmpty, NOTHING_TO_MOVE, SHAPE_COMMON } from './shape-copy.js';

const PAD_RANK = 5;

interface PadAxis {
  n: number;
  left: number;
  right: number;
}

/**
 * Drops unpadded unit axes and folds an axis into the unpadded axes inside it (one longer row),
 * so the C loops copy whole runs: [1,2,160,8] padded on axis 2 becomes 2 rows of 1280 elements.
 */
export function foldPadAxes(p: PadParams): PadAxis[] {
  const folded: PadAxis[] = [];
  for (let d = PAD_RANK - 1; d >= 0; d--) {
    const n = p.inputShape[d];
    const a = { n, left: p.left[d], right: p.outputShape[d] - n - p.left[d] };
    if (n === 1 && a.left === 0 && a.right === 0) continue;
    const inner = folded[0];
    if (inner && inner.left === 0 && inner.right === 0 && folded.length === 1)
      folded[0] = { n: a.n * inner.n, left: a.left * inner.n, right: a.right * inner.n };
    else folded.unshift(a);
  }
  while (folded.length < PAD_RANK) folded.unshift({ n: 1, left: 0, right: 0 });
  return folded;
}

/** The default pad value's bytes, little-endian as the targets store it. */
function padValueBytes(p: PadParams): number[] {
  return Array.from({ length: p.width }, (_, i) => (i < 4 ? (p.padValue >>> (8 * i)) & 0xff : 0));
}

export function padCode(ctx: EmitContext, p: PadParams): string {
  if (isEmpty(ctx, p.output)) return NOTHING_TO_MOVE;
  const axes = foldPadAxes(p);
  // Pad elements per index of each axis: the output size of everything inside it.
  const block = axes.map((_, d) => axes.slice(d + 1).reduce((s, a) => s * (a.n + a.left + a.right), 1));
  const params = ctx.params('tf_pad_t', {
    width: p.width,
    in_shape: `{${axes.map((a) => a.n).join(', ')}}`,
    left_fill: `{${axes.map((a, d) => a.left * block[d]).join(', ')}}`,
    right_fill: `{${axes.map((a, d) => a.right * block[d]).join(', ')}}`,
  });
  const value =
    p.padValueTensor >= 0
      ? ctx.tensor(p.padValueTensor)
      : ctx.table('pad_value', 'uint8_t', padValueBytes(p));
  return `tf_pad(${params}, ${ctx.tensor(p.input)}, ${value}, ${ctx.tensor(p.output)});`;
}

export const padC = defineEmitter<PadParams>({
  op: 'PAD',
  sources: () => ['kernels/pad.c', SHAPE_COMMON],
  emit: (p, ctx) => ({ code: padCode(ctx, p) }),
});
