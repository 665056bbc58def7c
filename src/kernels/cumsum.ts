// Reproduces TFLM reference CUMSUM: cumsum.cc with reference/cumsum.h (float32, and int8 rescaled with a 20-bit left shift whose accumulator starts at the scaled -zero point, as TFLM's does).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  multiplyByQuantizedMultiplierSmallerThanOneExp as mulSmall,
  quantizeMultiplierSmallerThanOneExp,
} from '../quant/fixed-point.js';
import { elementCount } from '../tflite/verify.js';
import { tensorScale, tensorZeroPoint } from './common/fc-params.js';
import { constantInt32s } from './common/reduce.js';
import { defineKernel, type PrepareContext } from './types.js';

const LEFT_SHIFT = 20;

export interface CumsumParams {
  dtype: 'float32' | 'int8';
  input: number;
  output: number;
  /** Elements before the axis, along it, and after it (TFLM calls them inner, depth, outer). */
  before: number;
  depth: number;
  after: number;
  exclusive: boolean;
  reverse: boolean;
  inputOffset: number;
  outputOffset: number;
  inputMultiplier: number;
  inputShift: number;
  outputMultiplier: number;
  outputShift: number;
}

function quantParams(ctx: PrepareContext, dtype: string) {
  if (dtype !== 'int8')
    return {
      inputOffset: 0,
      outputOffset: 0,
      inputMultiplier: 0,
      inputShift: 0,
      outputMultiplier: 0,
      outputShift: 0,
    };
  const input = ctx.input(0);
  const output = ctx.output(0);
  const twiceMaxInputScale = 2 * tensorScale(ctx, input);
  const qi = quantizeMultiplierSmallerThanOneExp(tensorScale(ctx, input) / twiceMaxInputScale);
  const qo = quantizeMultiplierSmallerThanOneExp(
    twiceMaxInputScale / (2 ** LEFT_SHIFT * tensorScale(ctx, output)),
  );
  return {
    inputOffset: -tensorZeroPoint(input),
    outputOffset: tensorZeroPoint(output),
    inputMultiplier: qi.multiplier,
    inputShift: qi.shift,
    outputMultiplier: qo.multiplier,
    outputShift: qo.shift,
  };
}

function prepare(ctx: PrepareContext): CumsumParams {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs (input, axis), got ${ctx.op.inputs.length}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== 'float32' && input.dtype !== 'int8') ctx.unsupported(`input dtype ${input.dtype}`);
  if (output.dtype !== input.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  const shape = input.shape;
  if (shape.length === 0) ctx.fail('input must have rank >= 1');
  if (output.shape.length !== shape.length || output.shape.some((d, i) => d !== shape[i]))
    ctx.fail(`output [${output.shape}] must have the input's shape [${shape}]`);
  const values = constantInt32s(ctx, ctx.input(1), 'axis');
  if (values.length !== 1) ctx.fail(`axis must hold one value, got ${values.length}`);
  const axis = values[0] < 0 ? values[0] + shape.length : values[0];
  if (axis < 0 || axis >= shape.length)
    ctx.fail(`axis ${values[0]} is out of range for rank ${shape.length}`);
  return {
    dtype: input.dtype,
    input: input.index,
    output: output.index,
    before: elementCount(shape.slice(0, axis)),
    depth: shape[axis],
    after: elementCount(shape.slice(axis + 1)),
    exclusive: ctx.op.options.exclusive as boolean,
    reverse: ctx.op.options.reverse as boolean,
    ...quantParams(ctx, input.dtype),
  };
}

/** Calls step(index) along every line of the axis, in TFLM's order (reversed when asked). */
function forEachLine(p: CumsumParams, start: () => void, step: (index: number) => void): void {
  const adj = (i: number, n: number) => (p.reverse ? n - 1 - i : i);
  for (let a = 0; a < p.after; a++) {
    for (let b = 0; b < p.before; b++) {
      start();
      for (let d = 0; d < p.depth; d++)
        step(adj(a, p.after) + adj(b, p.before) * p.depth * p.after + adj(d, p.depth) * p.after);
    }
  }
}

function evalFloat(p: CumsumParams, input: Float32Array, output: Float32Array): void {
  let acc = 0;
  forEachLine(
    p,
    () => {
      acc = 0;
    },
    (i) => {
      const before = acc;
      acc = Math.fround(acc + input[i]);
      output[i] = p.exclusive ? before : acc;
    },
  );
}

function evalInt8(p: CumsumParams, input: Int8Array, output: Int8Array): void {
  const scaled = (y: number) => mulSmall(y * 2 ** LEFT_SHIFT, p.inputMultiplier, p.inputShift);
  let acc = 0;
  forEachLine(
    p,
    () => {
      acc = scaled(p.inputOffset);
    },
    (i) => {
      const before = acc;
      acc = (acc + scaled(p.inputOffset + input[i])) | 0;
      const raw = mulSmall(p.exclusive ? before : acc, p.outputMultiplier, p.outputShift) + p.outputOffset;
      output[i] = Math.min(127, Math.max(-128, raw));
    },
  );
}

export const cumsum = defineKernel<CumsumParams>({
  op: 'CUMSUM',
  prepare,
  eval(p, store: TensorStore) {
    if (p.dtype === 'float32') evalFloat(p, store.f32(p.input), store.f32(p.output));
    else evalInt8(p, store.i8(p.input), store.i8(p.output));
  },
});
