// Reproduces TFLM FILL (micro/kernels/fill.cc, reference/fill.h): every element set to a scalar read at eval time.
import type { TensorStore } from '../interpreter/tensor-store.js';
import { elementCount } from '../tflite/verify.js';
import { constantInts, type ElementWidth, elements, movedWidth, sameShape } from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface FillParams {
  width: ElementWidth;
  value: number;
  output: number;
}

function prepare(ctx: PrepareContext): FillParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const dims = ctx.input(0);
  const value = ctx.input(1);
  const output = ctx.output(0);
  const width = movedWidth(ctx, value, output);
  if (value.shape.length !== 0 || elementCount(value.shape) !== 1) ctx.fail('value must be a scalar');
  // A constant dims tensor must agree with the output shape; a computed one is trusted, as in TFLM.
  if (dims.data) {
    if (dims.shape.length !== 1) ctx.fail('dims must be a vector');
    const shape = constantInts(ctx, dims, 'dims');
    if (!sameShape(shape, output.shape))
      ctx.fail(`dims [${shape}] differ from the output shape [${output.shape}]`);
  }
  return { width, value: value.index, output: output.index };
}

function evalFill(p: FillParams, store: TensorStore): void {
  elements(store, p.output, p.width).fill(elements(store, p.value, p.width)[0]);
}

export const fill = defineKernel({ op: 'FILL', prepare, eval: evalFill });
