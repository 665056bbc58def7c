/** C emitter for CONV_2D → runtime/kernels/conv_2d.c */
import { UnsupportedOperatorError } from '../../../errors.js';
import type { Graph } from '../../../graph/graph.js';
import { unpackInt4 } from '../../../kernels/common/conv-params.js';
import type { Conv2DParams } from '../../../kernels/conv-2d.js';
import { cFloat, defineEmitter, type EmitContext, type EmittedOp } from '../context.js';
import { constInt32 } from './fully-connected.js';

/** A C designated initializer of a nested struct. */
export function cStruct(fields: Record<string, string | number>): string {
  return `{ ${Object.entries(fields)
    .map(([k, v]) => `.${k} = ${v}`)
    .join(', ')} }`;
}

/** A constant filter's weights as int8 values (int4 ones unpacked), or null when computed at run time. */
export function constFilterInt8(graph: Graph, t: number, count: number, int4: boolean): Int8Array | null {
  const data = graph.tensors[t].data;
  if (!data) return null;
  if (!int4) return new Int8Array(data.buffer, data.byteOffset, count);
  const out = new Int8Array(count);
  unpackInt4(data, count, out);
  return out;
}

/** Per channel: the sum of its `taps` weights, channels `channelStride` and taps `tapStride` elements apart. */
export function weightSums(
  w: Int8Array,
  channels: number,
  taps: number,
  channelStride: number,
  tapStride: number,
): Int32Array {
  const sums = new Int32Array(channels);
  for (let c = 0; c < channels; c++) {
    let s = 0;
    for (let i = 0; i < taps; i++) s += w[c * channelStride + i * tapStride];
    sums[c] = s;
  }
  return sums;
}

const filterSize = (p: Conv2DParams) => p.filterH * p.filterW * p.filterD;

function geometry(p: Conv2DParams): string {
  return cStruct({
    batches: p.batches,
    in_h: p.inH,
    in_w: p.inW,
    in_d: p.inD,
    filter_h: p.filterH,
    filter_w: p.filterW,
    filter_d: p.filterD,
    out_h: p.outH,
    out_w: p.outW,
    out_d: p.outD,
    filters_per_group: p.filtersPerGroup,
    stride_h: p.strideH,
    stride_w: p.strideW,
    dilation_h: p.dilationH,
    dilation_w: p.dilationW,
    pad_h: p.padH,
    pad_w: p.padW,
  });
}

/**
 * tf_conv_2d_q_t.blocked's filter order: within each group, runs of 4 output channels
 * interleaved element by element, the remaining channels as plain rows (4 weights per input
 * load in the kernel's inner loop).
 */
export function blockFilter(
  w: ArrayLike<number>,
  channels: number,
  size: number,
  perGroup: number,
): number[] {
  const out: number[] = new Array(channels * size);
  let at = 0;
  for (let oc = 0; oc < channels; ) {
    const n = perGroup - (oc % perGroup) >= 4 ? 4 : 1;
    for (let e = 0; e < size; e++) for (let k = 0; k < n; k++) out[at++] = w[(oc + k) * size + e];
    oc += n;
  }
  return out;
}

/** An int8 kernel's constant filter (unpacked when int4) and its per-channel sums. */
function constFilter(graph: Graph, p: Conv2DParams): { w: Int8Array; sums: Int32Array } | null {
  if (p.dtype !== 'int8') return null;
  const size = filterSize(p);
  const w = constFilterInt8(graph, p.filter, p.outD * size, p.filterInt4);
  return w ? { w, sums: weightSums(w, p.outD, size, size, 1) } : null;
}

/**
 * folded_bias: bias + inputOffset * sum(weights) per channel, wrapping like int32; null when the
 * bias is computed at run time.
 */
export function foldBias(
  graph: Graph,
  bias: number,
  sums: Int32Array,
  inputOffset: number,
): Int32Array | null {
  const b = constInt32(graph, bias);
  if (bias >= 0 && !b) return null;
  return sums.map((sum, c) => ((b ? b[c] : 0) + Math.imul(inputOffset, sum)) | 0);
}

/** A constant packed int4 filter as a byte table (int4 has no C pointer type of its own). */
export function int4FilterTable(ctx: EmitContext, filter: number): string {
  const data = ctx.graph.tensors[filter].data;
  if (!data) {
    const op = ctx.graph.ops[ctx.opIndex];
    throw new UnsupportedOperatorError([
      { index: ctx.opIndex, opcode: op.opcode, dtype: 'int8', reason: 'int4 filter computed at run time' },
    ]);
  }
  return ctx.table('filter_int4', 'uint8_t', data);
}

function emitFloat(p: Conv2DParams, ctx: EmitContext): EmittedOp {
  const data = ctx.graph.tensors[p.filter].data;
  const w = data ? new Float32Array(data.slice().buffer) : null;
  const blocked = w && blockFilter(w, p.outD, filterSize(p), p.filtersPerGroup);
  const params = ctx.params('tf_conv_2d_f_t', {
    g: geometry(p),
    act_min: cFloat(p.actMin),
    act_max: cFloat(p.actMax),
    blocked: blocked ? 1 : 0,
  });
  const filter = blocked ? ctx.table('filter_blocked', 'float', blocked) : ctx.tensor(p.filter);
  const args = `${ctx.tensor(p.input)}, ${filter}, ${ctx.optTensor(p.bias)}, ${ctx.tensor(p.output)}`;
  return { code: `tf_conv_2d_f32(${params}, ${args});` };
}

function emitQuantized(p: Conv2DParams, ctx: EmitContext): EmittedOp {
  const known = constFilter(ctx.graph, p);
  const folded = known && foldBias(ctx.graph, p.bias, known.sums, p.inputOffset);
  // int4 weights are unpacked at run time in their OHWI order; int8 ones are reordered here.
  const blocked =
    known && !p.filterInt4 ? blockFilter(known.w, p.outD, filterSize(p), p.filtersPerGroup) : null;
  const params = ctx.params('tf_conv_2d_q_t', {
    g: geometry(p),
    input_offset: p.inputOffset,
    output_offset: p.outputOffset,
    multipliers: ctx.table('multipliers', 'int32_t', p.multipliers),
    shifts: ctx.table('shifts', 'int32_t', p.shifts),
    act_min: p.actMin,
    act_max: p.actMax,
    folded_bias: folded ? ctx.table('folded_bias', 'int32_t', folded) : 'NULL',
    blocked: blocked ? 1 : 0,
  });
  const [input, bias, output] = [ctx.tensor(p.input), ctx.optTensor(p.bias), ctx.tensor(p.output)];
  const args = (filter: string) => `${params}, ${input}, ${filter}, ${bias}, ${output}`;
  if (p.filterInt4) {
    return { code: `tf_conv_2d_s8_int4(${args(int4FilterTable(ctx, p.filter))}, ${ctx.scratch});` };
  }
  const filter = blocked ? ctx.table('filter_blocked', 'int8_t', blocked) : ctx.tensor(p.filter);
  if (p.dtype === 'int8') {
    const scratch = p.filterH * p.filterW > 1 ? ctx.scratch : 'NULL';
    return { code: `tf_conv_2d_s8(${args(filter)}, ${scratch});` };
  }
  const fn = p.wideAccumulator ? 'tf_conv_2d_s16_b64' : 'tf_conv_2d_s16';
  return { code: `${fn}(${args(filter)});` };
}

export const conv2dC = defineEmitter<Conv2DParams>({
  op: 'CONV_2D',
  // One file per dtype (unused ones are dropped at link time).
  sources: () => [
    'kernels/conv_2d.c',
    'kernels/conv_2d_s16.c',
    'kernels/conv_2d_f32.c',
    'kernels/conv_common.c',
  ],
  emit: (p, ctx) => (p.dtype === 'float32' ? emitFloat(p, ctx) : emitQuantized(p, ctx)),
});
