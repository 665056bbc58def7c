/** The one table of C emitters, keyed by TFLite builtin name (mirrors src/kernels/registry.ts). */
import type { COpEmitter } from '../context.js';
import { absC } from './abs.js';
import { addC } from './add.js';
import { argMaxC } from './arg-max.js';
import { argMinC } from './arg-min.js';
import { averagePool2dC } from './average-pool-2d.js';
import { batchMatmulC } from './batch-matmul.js';
import { batchToSpaceNdC } from './batch-to-space-nd.js';
import { broadcastToC } from './broadcast-to.js';
import { castC } from './cast.js';
import { ceilC } from './ceil.js';
import { concatenationC } from './concatenation.js';
import { conv2dC } from './conv-2d.js';
import { cosC } from './cos.js';
import { cumsumC } from './cumsum.js';
import { depthToSpaceC } from './depth-to-space.js';
import { depthwiseConv2dC } from './depthwise-conv-2d.js';
import { dequantizeC } from './dequantize.js';
import { divC } from './div.js';
import { equalC } from './equal.js';
import { expC } from './exp.js';
import { fillC } from './fill.js';
import { floorC } from './floor.js';
import { floorDivC } from './floor-div.js';
import { floorModC } from './floor-mod.js';
import { fullyConnectedC } from './fully-connected.js';
import { gatherC } from './gather.js';
import { greaterC } from './greater.js';
import { greaterEqualC } from './greater-equal.js';
import { hardSwishC } from './hard-swish.js';
import { l2NormalizationC } from './l2-normalization.js';
import { l2Pool2dC } from './l2-pool-2d.js';
import { leakyReluC } from './leaky-relu.js';
import { lessC } from './less.js';
import { lessEqualC } from './less-equal.js';
import { logC } from './log.js';
import { logSoftmaxC } from './log-softmax.js';
import { logicalAndC } from './logical-and.js';
import { logicalNotC } from './logical-not.js';
import { logicalOrC } from './logical-or.js';
import { logisticC } from './logistic.js';
import { maxPool2dC } from './max-pool-2d.js';
import { maximumC } from './maximum.js';
import { meanC } from './mean.js';
import { minimumC } from './minimum.js';
import { mirrorPadC } from './mirror-pad.js';
import { mulC } from './mul.js';
import { negC } from './neg.js';
import { notEqualC } from './not-equal.js';
import { packC } from './pack.js';
import { padC } from './pad.js';
import { padV2C } from './padv2.js';
import { preluC } from './prelu.js';
import { quantizeC } from './quantize.js';
import { reduceMaxC } from './reduce-max.js';
import { reduceMinC } from './reduce-min.js';
import { reduceProdC } from './reduce-prod.js';
import { reluC } from './relu.js';
import { reluN1To1C } from './relu-n1-to-1.js';
import { relu6C } from './relu6.js';
import { resizeBilinearC } from './resize-bilinear.js';
import { resizeNearestNeighborC } from './resize-nearest-neighbor.js';
import { reverseV2C } from './reverse-v2.js';
import { roundC } from './round.js';
import { rsqrtC } from './rsqrt.js';
import { selectV2C } from './select-v2.js';
import { shapeC } from './shape.js';
import { sinC } from './sin.js';
import { sliceC } from './slice.js';
import { softmaxC } from './softmax.js';
import { spaceToBatchNdC } from './space-to-batch-nd.js';
import { spaceToDepthC } from './space-to-depth.js';
import { splitC } from './split.js';
import { splitVC } from './split-v.js';
import { sqrtC } from './sqrt.js';
import { squareC } from './square.js';
import { squaredDifferenceC } from './squared-difference.js';
import { stridedSliceC } from './strided-slice.js';
import { subC } from './sub.js';
import { sumC } from './sum.js';
import { svdfC } from './svdf.js';
import { tanhC } from './tanh.js';
import { tileC } from './tile.js';
import { transposeC } from './transpose.js';
import { transposeConvC } from './transpose-conv.js';
import { unidirectionalSequenceLstmC } from './unidirectional-sequence-lstm.js';
import { unpackC } from './unpack.js';
import { zerosLikeC } from './zeros-like.js';

// Each group of emitters is listed in one block; keep the lists sorted.
const EMITTERS: COpEmitter<never>[] = [
  // -- fully-connected / recurrent / activations group --
  dequantizeC,
  fullyConnectedC,
  logSoftmaxC,
  logisticC,
  quantizeC,
  softmaxC,
  svdfC,
  tanhC,
  unidirectionalSequenceLstmC,
  // -- convolution group --
  conv2dC,
  depthwiseConv2dC,
  transposeConvC,
  // -- element-wise arithmetic group --
  absC,
  addC,
  castC,
  ceilC,
  cosC,
  divC,
  equalC,
  expC,
  floorC,
  floorDivC,
  floorModC,
  greaterC,
  greaterEqualC,
  hardSwishC,
  leakyReluC,
  lessC,
  lessEqualC,
  logC,
  logicalAndC,
  logicalNotC,
  logicalOrC,
  maximumC,
  minimumC,
  mulC,
  negC,
  notEqualC,
  preluC,
  relu6C,
  reluC,
  reluN1To1C,
  roundC,
  rsqrtC,
  selectV2C,
  sinC,
  sqrtC,
  squareC,
  squaredDifferenceC,
  subC,
  // -- shape / data-movement group --
  batchToSpaceNdC,
  broadcastToC,
  concatenationC,
  depthToSpaceC,
  fillC,
  gatherC,
  mirrorPadC,
  packC,
  padC,
  padV2C,
  reverseV2C,
  shapeC,
  sliceC,
  spaceToBatchNdC,
  spaceToDepthC,
  splitC,
  splitVC,
  stridedSliceC,
  tileC,
  transposeC,
  unpackC,
  zerosLikeC,
  // -- pooling / reduction / resize group --
  argMaxC,
  argMinC,
  averagePool2dC,
  batchMatmulC,
  cumsumC,
  l2NormalizationC,
  l2Pool2dC,
  maxPool2dC,
  meanC,
  reduceMaxC,
  reduceMinC,
  reduceProdC,
  resizeBilinearC,
  resizeNearestNeighborC,
  sumC,
] as COpEmitter<never>[];

function build(list: COpEmitter<never>[]): Map<string, COpEmitter<unknown>> {
  const map = new Map<string, COpEmitter<unknown>>();
  for (const e of list) {
    if (map.has(e.op)) throw new Error(`C emitter registry: ${e.op} is registered twice`);
    map.set(e.op, e as unknown as COpEmitter<unknown>);
  }
  return map;
}

export const C_EMITTERS: ReadonlyMap<string, COpEmitter<unknown>> = build(EMITTERS);
