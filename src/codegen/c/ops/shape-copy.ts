/**
 * Emitter helpers of the shape / data-movement group (runtime/kernels/shape_common.c): most of
 * these ops move elements along affine or tabulated index maps, so they share a few generic C
 * copies and differ only in the constants derived here from their TS prepared data.
 */
import { UnsupportedOperatorError } from '../../../errors.js';
import type { AxisMapParams } from '../../../kernels/common/shape.js';
import type { EmitContext } from '../context.js';

export const SHAPE_COMMON = 'kernels/shape_common.c';

/** Axes of the C copies (TF_COPY_RANK). */
const COPY_RANK = 6;

/** One output axis of a copy: its extent and the input element step per index. */
export interface CopyAxis {
  count: number;
  step: number;
}

/** The statement for an op whose output holds no element. */
export const NOTHING_TO_MOVE = '/* empty output: nothing to move */';

export function isEmpty(ctx: EmitContext, output: number): boolean {
  return ctx.graph.tensors[output].bytes === 0;
}

/** Drops unit axes and folds each axis into its inner neighbour when together they step evenly. */
export function mergeAxes(axes: readonly CopyAxis[]): CopyAxis[] {
  const merged: CopyAxis[] = [];
  for (let i = axes.length - 1; i >= 0; i--) {
    const a = axes[i];
    if (a.count === 1) continue;
    const inner = merged[0];
    if (inner && a.step === inner.count * inner.step)
      merged[0] = { count: a.count * inner.count, step: inner.step };
    else merged.unshift({ ...a });
  }
  return merged;
}

function padAxes<T>(xs: readonly T[], unit: T): T[] {
  return [...new Array<T>(COPY_RANK - xs.length).fill(unit), ...xs];
}

const cArray = (xs: readonly number[]): string => `{${xs.join(', ')}}`;

function tooManyAxes(ctx: EmitContext, output: number, rank: number): never {
  const op = ctx.graph.ops[ctx.opIndex];
  throw new UnsupportedOperatorError([
    {
      index: ctx.opIndex,
      opcode: op?.opcode ?? '?',
      dtype: ctx.graph.tensors[output].dtype,
      reason: `the C copy handles ${COPY_RANK} independent axes, this one needs ${rank}`,
    },
  ]);
}

/** The merged axes fit the strided copy (else the caller tabulates). */
export function fitsStrided(axes: readonly CopyAxis[]): boolean {
  return mergeAxes(axes).length <= COPY_RANK;
}

/** tf_strided_copy: output in order, input element `offset + sum(index_d * step_d)`. */
export function stridedCopyCode(
  ctx: EmitContext,
  width: number,
  input: number,
  output: number,
  axes: readonly CopyAxis[],
  offset: number,
): string {
  if (isEmpty(ctx, output) || axes.some((a) => a.count === 0)) return NOTHING_TO_MOVE;
  const merged = mergeAxes(axes);
  if (merged.length > COPY_RANK) tooManyAxes(ctx, output, merged.length);
  const full = padAxes(merged, { count: 1, step: 0 });
  const params = ctx.params('tf_strided_copy_t', {
    width,
    offset,
    count: cArray(full.map((a) => a.count)),
    step: cArray(full.map((a) => a.step)),
  });
  return `tf_strided_copy(${params}, ${ctx.tensor(input)}, ${ctx.tensor(output)});`;
}

/**
 * tf_mapped_copy: `tables[d][i]` is the input element offset output index i adds on axis d;
 * each innermost index copies `run` contiguous elements.
 */
export function mappedCopyCode(
  ctx: EmitContext,
  width: number,
  input: number,
  output: number,
  tables: readonly number[][],
  run: number,
): string {
  if (isEmpty(ctx, output) || tables.some((t) => t.length === 0)) return NOTHING_TO_MOVE;
  // Unit axes only shift the offset: fold them into the first remaining table.
  const shift = tables.filter((t) => t.length === 1).reduce((s, t) => s + t[0], 0);
  const kept = tables.filter((t) => t.length > 1);
  if (kept.length > COPY_RANK) tooManyAxes(ctx, output, kept.length);
  const axes = kept.length ? kept.map((t, i) => (i === 0 ? t.map((x) => x + shift) : t)) : [[shift]];
  const full = padAxes(axes, [0]);
  const params = ctx.params('tf_mapped_copy_t', {
    width,
    run,
    count: cArray(full.map((t) => t.length)),
    offsets: ctx.table(
      'offsets',
      'int32_t',
      full.flat().map((x) => x * width),
    ),
  });
  return `tf_mapped_copy(${params}, ${ctx.tensor(input)}, ${ctx.tensor(output)});`;
}

/** An index map as copy axes: an arithmetic progression, or one repeated whole (TILE). */
function affineAxes(map: readonly number[], stride: number): { axes: CopyAxis[]; offset: number } | null {
  const isProgression = (n: number): boolean => {
    const d = n > 1 ? map[1] - map[0] : 0;
    for (let k = 0; k < map.length; k++) if (map[k] !== map[0] + (k % n) * d) return false;
    return true;
  };
  const period = map.indexOf(map[0], 1);
  const n = period > 0 && map.length % period === 0 ? period : map.length;
  if (!isProgression(n)) return null;
  const step = n > 1 ? (map[1] - map[0]) * stride : 0;
  const axes =
    n === map.length
      ? [{ count: n, step }]
      : [
          { count: map.length / n, step: 0 },
          { count: n, step },
        ];
  return { axes, offset: map[0] * stride };
}

/** Trailing axes that read their whole input axis in order are one contiguous run per index. */
function splitRun(p: AxisMapParams): { outer: number; run: number } {
  let run = 1;
  let d = p.sourceIndex.length - 1;
  for (; d >= 0; d--) {
    const map = p.sourceIndex[d];
    if (p.inputStrides[d] !== run || !map.every((v, k) => v === k)) break;
    run *= map.length;
  }
  return { outer: d + 1, run };
}

/** MIRROR_PAD, TILE, BROADCAST_TO, REVERSE_V2: strided when every map is affine, else tabulated. */
export function axisMapCode(ctx: EmitContext, p: AxisMapParams): string {
  const parts = p.sourceIndex.map((map, d) => affineAxes(map, p.inputStrides[d]));
  if (parts.every((x) => x !== null)) {
    const axes = parts.flatMap((x) => x.axes);
    const offset = parts.reduce((s, x) => s + x.offset, 0);
    if (fitsStrided(axes)) return stridedCopyCode(ctx, p.width, p.input, p.output, axes, offset);
  }
  const { outer, run } = splitRun(p);
  const tables = p.sourceIndex.slice(0, outer).map((map, d) => map.map((v) => v * p.inputStrides[d]));
  return mappedCopyCode(ctx, p.width, p.input, p.output, tables, run);
}

/** The tf_chunks_t of CONCATENATION / SPLIT-like ops: per part, elements per outer step. */
export function chunksParams(
  ctx: EmitContext,
  width: number,
  outer: number,
  sizes: readonly number[],
): string {
  return ctx.params('tf_chunks_t', {
    outer,
    parts: sizes.length,
    part_bytes: ctx.table(
      'part_bytes',
      'int32_t',
      sizes.map((n) => n * width),
    ),
  });
}

/** tf_concat_chunks: every input read in order, interleaved per outer step. */
export function concatCode(
  ctx: EmitContext,
  width: number,
  inputs: readonly number[],
  output: number,
  outer: number,
  sizes: readonly number[],
): string {
  if (isEmpty(ctx, output)) return NOTHING_TO_MOVE;
  const params = chunksParams(ctx, width, outer, sizes);
  const list = inputs.map((t) => ctx.tensor(t)).join(', ');
  return `{\n    const void *const ins[${inputs.length}] = {${list}};\n    tf_concat_chunks(${params}, ins, ${ctx.tensor(output)});\n  }`;
}

/** tf_split_chunks: the input read in order, dealt to the outputs per outer step. */
export function splitCode(
  ctx: EmitContext,
  width: number,
  input: number,
  outputs: readonly number[],
  outer: number,
  sizes: readonly number[],
): string {
  if (ctx.graph.tensors[input].bytes === 0) return NOTHING_TO_MOVE;
  const params = chunksParams(ctx, width, outer, sizes);
  const list = outputs.map((t) => ctx.tensor(t)).join(', ');
  return `{\n    void *const outs[${outputs.length}] = {${list}};\n    tf_split_chunks(${params}, ${ctx.tensor(input)}, outs);\n  }`;
}
