// Reproduces TFLM TRANSPOSE (micro/kernels/transpose.cc, transpose_common.cc, reference/transpose.h).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  constantInts,
  type ElementWidth,
  elements,
  movedWidth,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface TransposeParams {
  width: ElementWidth;
  input: number;
  output: number;
  outputShape: number[];
  /** Input stride (in elements) of each output dimension: inputStrides[perm[d]]. */
  inputStrides: number[];
}

const MAX_RANK = 5;

function prepare(ctx: PrepareContext): TransposeParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  const rank = input.shape.length;
  if (rank > MAX_RANK) ctx.unsupported(`rank ${rank} (at most ${MAX_RANK})`);
  const permTensor = ctx.input(1);
  if (permTensor.shape.length !== 1) ctx.fail('perm must be a vector');
  const perm = constantInts(ctx, permTensor, 'perm');
  const isPermutation = perm.length === rank && [...perm].sort((a, b) => a - b).every((v, i) => v === i);
  if (!isPermutation) ctx.fail(`perm [${perm}] is not a permutation of ${rank} dimensions`);
  const expected = perm.map((p) => input.shape[p]);
  if (!sameShape(expected, output.shape))
    ctx.fail(`input [${input.shape}] permuted by [${perm}] is [${expected}], not output [${output.shape}]`);
  const strides = stridesOf(input.shape);
  return {
    width,
    input: input.index,
    output: output.index,
    outputShape: [...output.shape],
    inputStrides: perm.map((p) => strides[p]),
  };
}

/** Walks the output in order while the input pointer steps by the permuted strides. */
function evalTranspose(p: TransposeParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const last = p.outputShape.length - 1;
  if (last < 0) {
    out[0] = input[0];
    return;
  }
  let o = 0;
  const walk = (dim: number, base: number): void => {
    const n = p.outputShape[dim];
    const step = p.inputStrides[dim];
    if (dim === last) {
      for (let i = 0; i < n; i++) out[o++] = input[base + i * step];
      return;
    }
    for (let i = 0; i < n; i++) walk(dim + 1, base + i * step);
  };
  walk(0, 0);
}

export const transpose = defineKernel({ op: 'TRANSPOSE', prepare, eval: evalTranspose });
