/** The one table of op kernels, keyed by TFLite builtin name. Duplicates are a programming error. */
import { abs } from './abs.js';
import { add } from './add.js';
import { argMax } from './arg-max.js';
import { argMin } from './arg-min.js';
import { averagePool2d } from './average-pool-2d.js';
import { batchMatmul } from './batch-matmul.js';
import { batchToSpaceNd } from './batch-to-space-nd.js';
import { broadcastTo } from './broadcast-to.js';
import { cast } from './cast.js';
import { ceil } from './ceil.js';
import { concatenation } from './concatenation.js';
import { conv2d } from './conv-2d.js';
import { cos } from './cos.js';
import { cumsum } from './cumsum.js';
import { depthToSpace } from './depth-to-space.js';
import { depthwiseConv2d } from './depthwise-conv-2d.js';
import { dequantize } from './dequantize.js';
import { div } from './div.js';
import { equal } from './equal.js';
import { exp } from './exp.js';
import { expandDims } from './expand-dims.js';
import { fill } from './fill.js';
import { floor } from './floor.js';
import { floorDiv } from './floor-div.js';
import { floorMod } from './floor-mod.js';
import { fullyConnected } from './fully-connected.js';
import { gather } from './gather.js';
import { greater } from './greater.js';
import { greaterEqual } from './greater-equal.js';
import { hardSwish } from './hard-swish.js';
import { l2Normalization } from './l2-normalization.js';
import { l2Pool2d } from './l2-pool-2d.js';
import { leakyRelu } from './leaky-relu.js';
import { less } from './less.js';
import { lessEqual } from './less-equal.js';
import { log } from './log.js';
import { logSoftmax } from './log-softmax.js';
import { logicalAnd } from './logical-and.js';
import { logicalNot } from './logical-not.js';
import { logicalOr } from './logical-or.js';
import { logistic } from './logistic.js';
import { maxPool2d } from './max-pool-2d.js';
import { maximum } from './maximum.js';
import { mean } from './mean.js';
import { minimum } from './minimum.js';
import { mirrorPad } from './mirror-pad.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { notEqual } from './not-equal.js';
import { pack } from './pack.js';
import { pad } from './pad.js';
import { padV2 } from './padv2.js';
import { prelu } from './prelu.js';
import { quantize } from './quantize.js';
import { reduceMax } from './reduce-max.js';
import { reduceMin } from './reduce-min.js';
import { reduceProd } from './reduce-prod.js';
import { relu } from './relu.js';
import { reluN1To1 } from './relu-n1-to-1.js';
import { relu6 } from './relu6.js';
import { reshape } from './reshape.js';
import { resizeBilinear } from './resize-bilinear.js';
import { resizeNearestNeighbor } from './resize-nearest-neighbor.js';
import { reverseV2 } from './reverse-v2.js';
import { round } from './round.js';
import { rsqrt } from './rsqrt.js';
import { selectV2 } from './select-v2.js';
import { shape } from './shape.js';
import { sin } from './sin.js';
import { slice } from './slice.js';
import { softmax } from './softmax.js';
import { spaceToBatchNd } from './space-to-batch-nd.js';
import { spaceToDepth } from './space-to-depth.js';
import { split } from './split.js';
import { splitV } from './split-v.js';
import { sqrt } from './sqrt.js';
import { square } from './square.js';
import { squaredDifference } from './squared-difference.js';
import { squeeze } from './squeeze.js';
import { stridedSlice } from './strided-slice.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { svdf } from './svdf.js';
import { tanh } from './tanh.js';
import { tile } from './tile.js';
import { transpose } from './transpose.js';
import { transposeConv } from './transpose-conv.js';
import type { Kernel } from './types.js';
import { unidirectionalSequenceLstm } from './unidirectional-sequence-lstm.js';
import { unpack } from './unpack.js';
import { zerosLike } from './zeros-like.js';

// Each group of kernels is listed in one block; keep the lists sorted.
const KERNELS: Kernel<never>[] = [
  // -- fully-connected / recurrent / activations group --
  dequantize,
  fullyConnected,
  logSoftmax,
  logistic,
  quantize,
  softmax,
  svdf,
  tanh,
  unidirectionalSequenceLstm,
  // -- convolution / pooling / padding group --
  conv2d,
  depthwiseConv2d,
  transposeConv,
  // -- element-wise arithmetic group --
  abs,
  add,
  cast,
  ceil,
  cos,
  div,
  equal,
  exp,
  floor,
  floorDiv,
  floorMod,
  greater,
  greaterEqual,
  hardSwish,
  leakyRelu,
  less,
  lessEqual,
  log,
  logicalAnd,
  logicalNot,
  logicalOr,
  maximum,
  minimum,
  mul,
  neg,
  notEqual,
  prelu,
  relu,
  relu6,
  reluN1To1,
  round,
  rsqrt,
  selectV2,
  sin,
  sqrt,
  square,
  squaredDifference,
  sub,
  // -- shape / data-movement / reduction group --
  batchToSpaceNd,
  broadcastTo,
  concatenation,
  depthToSpace,
  expandDims,
  fill,
  gather,
  mirrorPad,
  pack,
  pad,
  padV2,
  reshape,
  reverseV2,
  shape,
  slice,
  spaceToBatchNd,
  spaceToDepth,
  split,
  splitV,
  squeeze,
  stridedSlice,
  tile,
  transpose,
  unpack,
  zerosLike,
  // -- pooling / reduction / resize group (G5) --
  argMax,
  argMin,
  averagePool2d,
  batchMatmul,
  cumsum,
  l2Normalization,
  l2Pool2d,
  maxPool2d,
  mean,
  reduceMax,
  reduceMin,
  reduceProd,
  resizeBilinear,
  resizeNearestNeighbor,
  sum,
] as Kernel<never>[];

function buildRegistry(kernels: Kernel<never>[]): Map<string, Kernel<unknown>> {
  const map = new Map<string, Kernel<unknown>>();
  for (const k of kernels) {
    if (map.has(k.op)) throw new Error(`kernel registry: ${k.op} is registered twice`);
    map.set(k.op, k as unknown as Kernel<unknown>);
  }
  return map;
}

export const REGISTRY: ReadonlyMap<string, Kernel<unknown>> = buildRegistry(KERNELS);

export function findKernel(opcode: string): Kernel<unknown> | undefined {
  return REGISTRY.get(opcode);
}
