// Reproduces TFLM SHAPE (micro/kernels/shape.cc): writes the input's dimensions.
import type { TensorStore } from '../interpreter/tensor-store.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ShapeParams {
  output: number;
  /** int64 output (TFLM writes int32 only; int64 is what TFLite's out_type allows besides). */
  int64: boolean;
  /** The input's dimensions, known when the model is prepared. */
  dims: number[];
}

function prepare(ctx: PrepareContext): ShapeParams {
  if (ctx.op.inputs.length !== 1) ctx.fail(`expects 1 input, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (output.dtype !== 'int32' && output.dtype !== 'int64') ctx.unsupported(`output dtype ${output.dtype}`);
  if (output.shape.length !== 1 || output.shape[0] !== input.shape.length)
    ctx.fail(`output [${output.shape}] cannot hold the ${input.shape.length} dimensions of the input`);
  return { output: output.index, int64: output.dtype === 'int64', dims: [...input.shape] };
}

function evalShape(p: ShapeParams, store: TensorStore): void {
  if (p.int64) store.i64(p.output).set(p.dims.map(BigInt));
  else store.i32(p.output).set(p.dims);
}

export const shape = defineKernel({ op: 'SHAPE', prepare, eval: evalShape });
