// Reproduces TFLM GATHER (micro/kernels/gather.cc): copies input slices picked by run-time indices.
import { InputMismatchError } from '../errors.js';
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

export interface GatherParams {
  width: ElementWidth;
  input: number;
  coords: number;
  coordsInt64: boolean;
  output: number;
  batchSize: number;
  outerSize: number;
  axisSize: number;
  innerSize: number;
  coordSize: number;
}

function prepare(ctx: PrepareContext): GatherParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const coords = ctx.input(1);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output);
  if (coords.dtype !== 'int32' && coords.dtype !== 'int64')
    ctx.unsupported(`positions of dtype ${coords.dtype}`);
  const rank = input.shape.length;
  const axis = normalizeAxis(ctx, ctx.op.options.axis as number, rank);
  let batchDims = ctx.op.options.batchDims as number;
  if (batchDims < 0) batchDims += coords.shape.length;
  if (batchDims < 0 || batchDims > axis || batchDims > coords.shape.length)
    ctx.fail(
      `batch_dims ${ctx.op.options.batchDims} does not fit axis ${axis} and positions [${coords.shape}]`,
    );
  for (let i = 0; i < batchDims; i++)
    if (input.shape[i] !== coords.shape[i]) ctx.fail(`input and positions differ in batch dimension ${i}`);
  const expected = [
    ...input.shape.slice(0, axis),
    ...coords.shape.slice(batchDims),
    ...input.shape.slice(axis + 1),
  ];
  if (!sameShape(expected, output.shape)) ctx.fail(`output [${output.shape}] should be [${expected}]`);
  return {
    width,
    input: input.index,
    coords: coords.index,
    coordsInt64: coords.dtype === 'int64',
    output: output.index,
    batchSize: sizeBetween(input.shape, 0, batchDims),
    outerSize: sizeBetween(input.shape, batchDims, axis),
    axisSize: input.shape[axis],
    innerSize: sizeBetween(input.shape, axis + 1, rank),
    coordSize: sizeBetween(coords.shape, batchDims, coords.shape.length),
  };
}

/** TFLM's loop; an index outside the axis fails the invoke, as TFLM's kernel returns an error. */
function evalGather(p: GatherParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  const coords = p.coordsInt64 ? Array.from(store.i64(p.coords), Number) : store.i32(p.coords);
  const n = p.innerSize;
  for (let batch = 0; batch < p.batchSize; batch++) {
    for (let outer = 0; outer < p.outerSize; outer++) {
      const row = batch * p.outerSize + outer;
      for (let c = 0; c < p.coordSize; c++) {
        const index = coords[batch * p.coordSize + c];
        if (index < 0 || index >= p.axisSize)
          throw new InputMismatchError(`GATHER index ${index} is outside [0, ${p.axisSize})`);
        const src = (row * p.axisSize + index) * n;
        out.set(input.subarray(src, src + n), (row * p.coordSize + c) * n);
      }
    }
  }
}

export const gather = defineKernel({ op: 'GATHER', prepare, eval: evalGather });
