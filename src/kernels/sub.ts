// Reproduces TFLM reference SUB: sub_common.cc (scales combined in float) + reference/sub.h (int8, int16, float32, int32), with 6D broadcasting.
import { type AddSubParams, evalAddSub, prepareAddSub, type RealMultipliers } from './add.js';
import { int32ActivationRange } from './common/elementwise.js';
import { defineKernel } from './types.js';

const f32 = Math.fround;

/** sub_common.cc computes the multipliers in single precision before widening them to double. */
const subMultipliers: RealMultipliers = (s1, s2, so, leftShift) => {
  const twiceMax = f32(2 * Math.max(s1, s2));
  return [f32(s1 / twiceMax), f32(s2 / twiceMax), f32(twiceMax / f32(2 ** leftShift * so))];
};

export const sub = defineKernel<AddSubParams>({
  op: 'SUB',
  alias: 'in-place',
  prepare: (ctx) => prepareAddSub(ctx, subMultipliers, int32ActivationRange),
  eval: (p, store) => evalAddSub(p, store, -1),
});
