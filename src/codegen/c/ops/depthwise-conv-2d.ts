/** C emitter for DEPTHWISE_CONV_2D → runtime/kernels/depthwise_conv_2d.c */
import type { Graph } from '../../../graph/graph.js';
import type { DepthwiseConv2DParams } from '../../../kernels/depthwise-conv-2d.js';
import { cFloat, defineEmitter } from '../context.js';
import { constFilterInt8, cStruct, foldBias, int4FilterTable, weightSums } from './conv-2d.js';

function geometry(p: DepthwiseConv2DParams): string {
  return cStruct({
    batches: p.batches,
    in_h: p.inH,
    in_w: p.inW,
    in_d: p.inD,
    filter_h: p.filterH,
    filter_w: p.filterW,
    out_h: p.outH,
    out_w: p.outW,
    out_d: p.outD,
    depth_multiplier: p.depthMultiplier,
    stride_h: p.strideH,
    stride_w: p.strideW,
    dilation_h: p.dilationH,
    dilation_w: p.dilationW,
    pad_h: p.padH,
    pad_w: p.padW,
  });
}

/** int8 with a constant filter and bias: folded_bias (1HWO weights: a channel's taps are outD apart). */
function foldedBias(graph: Graph, p: DepthwiseConv2DParams): Int32Array | null {
  if (p.dtype !== 'int8') return null;
  const taps = p.filterH * p.filterW;
  const w = constFilterInt8(graph, p.filter, taps * p.outD, p.filterInt4);
  return w && foldBias(graph, p.bias, weightSums(w, p.outD, taps, 1, p.outD), p.inputOffset);
}

export const depthwiseConv2dC = defineEmitter<DepthwiseConv2DParams>({
  op: 'DEPTHWISE_CONV_2D',
  sources: () => ['kernels/depthwise_conv_2d.c', 'kernels/conv_common.c'],
  emit(p, ctx) {
    const input = ctx.tensor(p.input);
    const bias = ctx.optTensor(p.bias);
    const output = ctx.tensor(p.output);
    if (p.dtype === 'float32') {
      const params = ctx.params('tf_depthwise_conv_2d_f_t', {
        g: geometry(p),
        act_min: cFloat(p.actMin),
        act_max: cFloat(p.actMax),
      });
      const filter = ctx.tensor(p.filter);
      return { code: `tf_depthwise_conv_2d_f32(${params}, ${input}, ${filter}, ${bias}, ${output});` };
    }
    const folded = foldedBias(ctx.graph, p);
    const params = ctx.params('tf_depthwise_conv_2d_q_t', {
      g: geometry(p),
      input_offset: p.inputOffset,
      output_offset: p.outputOffset,
      multipliers: ctx.table('multipliers', 'int32_t', p.multipliers),
      shifts: ctx.table('shifts', 'int32_t', p.shifts),
      act_min: p.actMin,
      act_max: p.actMax,
      folded_bias: folded ? ctx.table('folded_bias', 'int32_t', folded) : 'NULL',
    });
    if (p.filterInt4) {
      const table = int4FilterTable(ctx, p.filter);
      return {
        code: `tf_depthwise_conv_2d_s8_int4(${params}, ${input}, ${table}, ${bias}, ${output}, ${ctx.scratch});`,
      };
    }
    const fn = p.dtype === 'int8' ? 'tf_depthwise_conv_2d_s8' : 'tf_depthwise_conv_2d_s16';
    return { code: `${fn}(${params}, ${input}, ${ctx.tensor(p.filter)}, ${bias}, ${output});` };
  },
});
