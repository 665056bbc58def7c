// Reproduces TFLM reference SELECT_V2: select.cc + reference/select.h (Select / BroadcastSelect5DSlow for float32, int8, int16).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { type BroadcastPlan, forEachRun, prepareBroadcast, requireSameDType } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface SelectParams {
  dtype: 'float32' | 'int8' | 'int16';
  condition: number;
  x: number;
  y: number;
  output: number;
  /** Inputs in the order condition, x, y. */
  plan: BroadcastPlan;
}

function prepare(ctx: PrepareContext): SelectParams {
  const inputs = [ctx.input(0), ctx.input(1), ctx.input(2)];
  if (inputs[0].dtype !== 'bool') ctx.fail(`condition must be bool, got ${inputs[0].dtype}`);
  requireSameDType(ctx, [inputs[1], inputs[2], ctx.output(0)]);
  const dtype = inputs[1].dtype;
  if (dtype !== 'float32' && dtype !== 'int8' && dtype !== 'int16') ctx.unsupported(`dtype ${dtype}`);
  return {
    dtype,
    condition: ctx.op.inputs[0],
    x: ctx.op.inputs[1],
    y: ctx.op.inputs[2],
    output: ctx.op.outputs[0],
    plan: prepareBroadcast(ctx, inputs, 5),
  };
}

function evalSelect(p: SelectParams, store: TensorStore): void {
  const view =
    p.dtype === 'float32'
      ? store.f32.bind(store)
      : p.dtype === 'int8'
        ? store.i8.bind(store)
        : store.i16.bind(store);
  const cond = store.u8(p.condition);
  const x = view(p.x);
  const y = view(p.y);
  const out = view(p.output);
  forEachRun(p.plan, (o, ic, sc, ix, sx, n, iy, sy) => {
    for (let k = 0; k < n; k++, ic += sc, ix += sx, iy += sy) out[o + k] = cond[ic] !== 0 ? x[ix] : y[iy];
  });
}

export const selectV2 = defineKernel({ op: 'SELECT_V2', alias: 'in-place', prepare, eval: evalSelect });
