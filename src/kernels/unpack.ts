// Reproduces TFLM UNPACK (micro/kernels/unpack.cc): splits the input along an axis, dropping it.
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  type ElementWidth,
  elements,
  movedWidth,
  normalizeAxis,
  sameShape,
  sizeBetween,
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
    outerSize: sizeBetween(input.shape, 0, axis),
    copySize: sizeBetween(input.shape, axis + 1, input.shape.length),
  };
}

function evalUnpack(p: UnpackParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const n = p.copySize;
  const count = p.outputs.length;
  p.outputs.forEach((t, i) => {
    const out = elements(store, t, p.width);
    for (let k = 0; k < p.outerSize; k++)
      out.set(input.subarray((k * count + i) * n, (k * count + i + 1) * n), k * n);
  });
}

export const unpack = defineKernel({ op: 'UNPACK', prepare, eval: evalUnpack });
