// Reproduces TFLM reference ARG_MAX: arg_min_max.cc with reference/arg_min_max.h (float32, int8 input; int32 axis and output).
import type { TensorStore } from '../interpreter/tensor-store.js';
import { elementCount } from '../tflite/verify.js';
import { constantInt32s } from './common/reduce.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface ArgMinMaxParams {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  axis: number;
  outerSize: number;
  axisSize: number;
  innerSize: number;
}

function prepareArgMinMax(ctx: PrepareContext): ArgMinMaxParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs (input, axis), got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const axisTensor = ctx.input(1);
  const output = ctx.output(0);
  if (input.dtype !== 'float32' && input.dtype !== 'int8') ctx.unsupported(`input dtype ${input.dtype}`);
  if (axisTensor.dtype !== 'int32') ctx.unsupported(`axis dtype ${axisTensor.dtype}`);
  if (output.dtype !== 'int32') ctx.unsupported(`output dtype ${output.dtype}`);
  const shape = input.shape;
  if (shape.length === 0) ctx.fail('input must have rank >= 1');
  const values = constantInt32s(ctx, axisTensor, 'axis');
  if (values.length === 0) ctx.fail('axis tensor is empty');
  const axis = values[0] < 0 ? values[0] + shape.length : values[0];
  if (axis < 0 || axis >= shape.length)
    ctx.fail(`axis ${values[0]} is out of range for rank ${shape.length}`);
  const outerSize = elementCount(shape.slice(0, axis));
  const innerSize = elementCount(shape.slice(axis + 1));
  const axisSize = shape[axis];
  if (axisSize === 0) ctx.fail('cannot take the index over an empty axis');
  if (elementCount(output.shape) !== outerSize * innerSize)
    ctx.fail(`output [${output.shape}] does not hold [${shape}] without axis ${axis}`);
  return {
    dtype: input.dtype,
    input: input.index,
    output: output.index,
    axis,
    outerSize,
    axisSize,
    innerSize,
  };
}

/** ArgMinMax: the first index whose value compares strictly better than all before it. */
function evalArgMinMax(p: ArgMinMaxParams, store: TensorStore, isMax: boolean): void {
  const input = p.dtype === 'int8' ? store.i8(p.input) : store.f32(p.input);
  const output = store.i32(p.output);
  for (let outer = 0; outer < p.outerSize; outer++) {
    for (let inner = 0; inner < p.innerSize; inner++) {
      const base = outer * p.axisSize * p.innerSize + inner;
      let best = input[base];
      let bestIndex = 0;
      for (let i = 1; i < p.axisSize; i++) {
        const v = input[base + i * p.innerSize];
        if (isMax ? v > best : v < best) {
          best = v;
          bestIndex = i;
        }
      }
      output[outer * p.innerSize + inner] = bestIndex;
    }
  }
}

export function defineArgMinMax(op: 'ARG_MAX' | 'ARG_MIN', isMax: boolean) {
  return defineKernel<ArgMinMaxParams>({
    op,
    prepare: prepareArgMinMax,
    eval: (p, store) => evalArgMinMax(p, store, isMax),
  });
}

export const argMax = defineArgMinMax('ARG_MAX', true);
