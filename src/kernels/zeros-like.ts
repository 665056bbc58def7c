// Reproduces TFLM ZEROS_LIKE (micro/kernels/zeros_like.cc): all-zero elements (int8 too: 0, not the zero point).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { type ElementWidth, elements, fillElements, movedWidth, sameShape } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ZerosLikeParams {
  width: ElementWidth;
  output: number;
}

function prepare(ctx: PrepareContext): ZerosLikeParams {
  if (ctx.op.inputs.length !== 1) ctx.fail(`expects 1 input, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  if (!sameShape(input.shape, output.shape))
    ctx.fail(`output [${output.shape}] differs from input [${input.shape}]`);
  return { width, output: output.index };
}

function evalZerosLike(p: ZerosLikeParams, store: TensorStore): void {
  fillElements(elements(store, p.output, p.width), 0);
}

export const zerosLike = defineKernel({ op: 'ZEROS_LIKE', prepare, eval: evalZerosLike });
