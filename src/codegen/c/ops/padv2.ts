/** C emitter for PADV2 → runtime/kernels/pad.c (the pad value is the op's third input). */
import type { PadParams } from '../../../kernels/pad.js';
import { defineEmitter } from '../context.js';
import { padCode } from './pad.js';
import { SHAPE_COMMON } from './shape-copy.js';

export const padV2C = defineEmitter<PadParams>({
  op: 'PADV2',
  sources: () => ['kernels/pad.c', SHAPE_COMMON],
  emit: (p, ctx) => ({ code: padCode(ctx, p) }),
});
