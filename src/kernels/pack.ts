// Reproduces TFLM PACK (micro/kernels/pack.cc): stacks equal-shaped inputs along a new axis.
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  copyAlongAxis,
  type ElementWidth,
  elements,
  movedWidth,
  normalizeAxis,
  sameShape,
  stackSizes,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface PackParams {
  width: ElementWidth;
  inputs: number[];
  output: number;
  outerSize: number;
  /** Elements of one input per outer step (the size of the dimensions after the axis). */
  copySize: number;
}

function prepare(ctx: PrepareContext): PackParams {
  const output = ctx.output(0);
  const count = ctx.op.options.valuesCount as number;
  if (count !== ctx.op.inputs.length) ctx.fail(`values_count ${count} but ${ctx.op.inputs.length} inputs`);
  if (count < 1) ctx.fail('needs at least one input');
  const inputs = ctx.op.inputs.map((_, i) => ctx.input(i));
  const width = movedWidth(ctx, inputs[0], output);
  const axis = normalizeAxis(ctx, ctx.op.options.axis as number, output.shape.length);
  const expected = [...inputs[0].shape.slice(0, axis), count, ...inputs[0].shape.slice(axis)];
  for (const t of inputs) {
    if (t.dtype !== output.dtype) ctx.fail(`input ${t.dtype} and output ${output.dtype} differ`);
    if (!sameShape(t.shape, inputs[0].shape)) ctx.fail(`inputs [${t.shape}] and [${inputs[0].shape}] differ`);
  }
  if (!sameShape(expected, output.shape))
    ctx.fail(`output [${output.shape}] is not ${count} inputs [${inputs[0].shape}] stacked at ${axis}`);
  return {
    width,
    inputs: inputs.map((t) => t.index),
    output: output.index,
    ...stackSizes(output.shape, axis),
  };
}

function evalPack(p: PackParams, store: TensorStore): void {
  const inputs = p.inputs.map((t) => elements(store, t, p.width));
  const sizes = inputs.map(() => p.copySize);
  copyAlongAxis(elements(store, p.output, p.width), inputs, p.outerSize, sizes, true);
}

export const pack = defineKernel({ op: 'PACK', prepare, eval: evalPack });
