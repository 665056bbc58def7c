// Reproduces TFLM SPACE_TO_DEPTH (micro/kernels/space_to_depth.cc, reference/space_to_depth.h): NHWC.
import { prepareBlockShuffle, shuffleBlocks } from './depth-to-space.js';
import { defineKernel } from './types.js';

export const spaceToDepth = defineKernel({
  op: 'SPACE_TO_DEPTH',
  prepare: (ctx) => prepareBlockShuffle(ctx, false),
  eval: (p, store) => shuffleBlocks(p, store, false),
});
