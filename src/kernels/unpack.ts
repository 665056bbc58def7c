// Reproduces TFLM UNPACK (micro/kernels/unpack.cc): splits the input along an axis, dropping it.
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

export interface UnpackParams {
  width: ElementWidth;
  input: number;
  outputs: number[];
  outerSize: number;
  /** Elements of one output per outer step (the size of the dimensions after the axis). */
  copySize: number;
}

function prepare(ctx: PrepareContext): UnpackParams {
  const input = ctx.input(0);
  const num = ctx.op.options.num as number;
  if (num !== ctx.op.outputs.length) ctx.fail(`num ${num} but ${ctx.op.outputs.length} outputs`);
  if (num < 1) ctx.fail('needs at least one output');
  const outputs = ctx.op.outputs.map((_, i) => ctx.output(i));
  const width = movedWidth(ctx, input, outputs[0]);
  const axis = normalizeAxis(ctx, ctx.op.options.axis as number, input.shape.length);
  if (input.shape[axis] !== num)
    ctx.fail(`input [${input.shape}] has ${input.shape[axis]} slices on ${axis}, not ${num}`);
  const expected = input.shape.filter((_, i) => i !== axis);
  for (const t of outputs) {
    if (t.dtype !== input.dtype) ctx.fail(`output ${t.dtype} and input ${input.dtype} differ`);
    if (!sameShape(t.shape, expected)) ctx.fail(`output [${t.shape}] should be [${expected}]`);
  }
  return {
    width,
    input: input.index,
    outputs: outputs.map((t) => t.index),
    ...stackSizes(input.shape, axis),
  };
}

function evalUnpack(p: UnpackParams, store: TensorStore): void {
  const outputs = p.outputs.map((t) => elements(store, t, p.width));
  const sizes = outputs.map(() => p.copySize);
  copyAlongAxis(elements(store, p.input, p.width), outputs, p.outerSize, sizes, false);
}

export const unpack = defineKernel({ op: 'UNPACK', prepare, eval: evalUnpack });
