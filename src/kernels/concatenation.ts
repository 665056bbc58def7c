// Reproduces TFLM CONCATENATION (micro/kernels/concatenation.cc, reference/concatenation.h): raw element copies.
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  copyAlongAxis,
  type ElementWidth,
  elements,
  movedWidth,
  normalizeAxis,
  sizeBetween,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ConcatenationParams {
  width: ElementWidth;
  output: number;
  inputs: number[];
  /** Product of the dimensions before the axis. */
  outerSize: number;
  /** Elements each input contributes per outer step (its axis size times the inner size). */
  copySizes: number[];
}

function checkShapes(ctx: PrepareContext, inputs: GraphTensor[], output: GraphTensor, axis: number): void {
  const rank = output.shape.length;
  let axisTotal = 0;
  for (const t of inputs) {
    if (t.dtype !== output.dtype) ctx.fail(`input ${t.dtype} and output ${output.dtype} differ`);
    if (t.shape.length !== rank) ctx.fail(`input [${t.shape}] and output [${output.shape}] differ in rank`);
    t.shape.forEach((d, i) => {
      if (i !== axis && d !== output.shape[i])
        ctx.fail(`input [${t.shape}] does not match output [${output.shape}] off axis ${axis}`);
    });
    axisTotal += t.shape[axis];
  }
  if (axisTotal !== output.shape[axis])
    ctx.fail(`inputs sum to ${axisTotal} along axis ${axis}, output has ${output.shape[axis]}`);
}

function prepare(ctx: PrepareContext): ConcatenationParams {
  const output = ctx.output(0);
  if (ctx.op.inputs.length === 0) ctx.fail('needs at least one input');
  const inputs = ctx.op.inputs.map((_, i) => ctx.input(i));
  // Quantized inputs are copied without requantizing even when their scale or zero point differs
  // from the output's: TFLM micro does exactly that (its int8 path is EvalUnquantized).
  const width = movedWidth(ctx, inputs[0], output);
  if (ctx.op.options.fusedActivationFunction !== 'NONE')
    ctx.unsupported(`fused activation ${String(ctx.op.options.fusedActivationFunction)}`);
  const axis = normalizeAxis(ctx, ctx.op.options.axis as number, output.shape.length);
  checkShapes(ctx, inputs, output, axis);
  const inner = sizeBetween(output.shape, axis + 1, output.shape.length);
  return {
    width,
    output: output.index,
    inputs: inputs.map((t) => t.index),
    outerSize: sizeBetween(output.shape, 0, axis),
    copySizes: inputs.map((t) => t.shape[axis] * inner),
  };
}

function evalConcatenation(p: ConcatenationParams, store: TensorStore): void {
  const ins = p.inputs.map((t) => elements(store, t, p.width));
  copyAlongAxis(elements(store, p.output, p.width), ins, p.outerSize, p.copySizes, true);
}

export const concatenation = defineKernel({ op: 'CONCATENATION', prepare, eval: evalConcatenation });
