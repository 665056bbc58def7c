// Reproduces TFLM PAD (micro/kernels/pad.cc, pad_common.cc, reference/pad.h); PADV2 shares it.
import type { TensorStore } from '../interpreter/tensor-store.js';
import type { DType } from '../tflite/schema.js';
import { elementCount } from '../tflite/verify.js';
import { tensorZeroPoint } from './common/fc-params.js';
import {
  constantInts,
  type ElementWidth,
  elements,
  extendShape,
  fillElements,
  movedWidth,
  padFront,
  sameShape,
  stridesOf,
} from './common/shape.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface PadParams {
  width: ElementWidth;
  input: number;
  output: number;
  /** The constant-values input (PADV2), read at eval time; -1 when absent. */
  padValueTensor: number;
  /** Bit pattern of the default pad value in the element width (int8: the output zero point). */
  padValue: number;
  /** Input shape and left paddings, extended to 5-D. */
  inputShape: number[];
  outputShape: number[];
  left: number[];
}

const DTYPES: DType[] = ['float32', 'int8', 'int16', 'int32'];
const MAX_RANK = 5;

/** The paddings as [left, right] per dimension; they must turn the input shape into the output's. */
function readPaddings(ctx: PrepareContext, inputShape: number[], outputShape: number[]): number[] {
  const paddings = constantInts(ctx, ctx.input(1), 'paddings');
  if (paddings.length !== outputShape.length * 2)
    ctx.fail(`paddings hold ${paddings.length} values for an output of rank ${outputShape.length}`);
  if (paddings.some((v) => v < 0)) ctx.fail(`negative paddings [${paddings}]`);
  const expected = inputShape.map((d, i) => d + paddings[2 * i] + paddings[2 * i + 1]);
  if (!sameShape(expected, outputShape))
    ctx.fail(`input [${inputShape}] padded by [${paddings}] is [${expected}], not output [${outputShape}]`);
  return paddings;
}

/** Checks the optional constant-values input and returns TFLM's default pad value. */
function defaultPadValue(ctx: PrepareContext): number {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const constant = ctx.optionalInput(2);
  const zeroPoint = tensorZeroPoint(output);
  if (constant) {
    if (constant.dtype !== input.dtype)
      ctx.fail(`constant value ${constant.dtype} differs from input ${input.dtype}`);
    if (elementCount(constant.shape) !== 1) ctx.fail('constant value must hold exactly one element');
    if (input.dtype === 'int8') {
      const q = constant.quant;
      if ((q?.zeroPoint[0] ?? 0) !== zeroPoint || (q?.scale[0] ?? 0) !== (output.quant?.scale[0] ?? 0))
        ctx.fail('int8 constant value must share the output scale and zero point');
    }
    return 0;
  }
  if (input.dtype !== 'int8') return 0;
  if (zeroPoint < -128 || zeroPoint > 127) ctx.fail(`output zero point ${zeroPoint} is not an int8`);
  return zeroPoint & 0xff;
}

export function preparePad(ctx: PrepareContext): PadParams {
  const n = ctx.op.inputs.length;
  if (n !== 2 && n !== 3) ctx.fail(`expects 2 or 3 inputs, got ${n}`);
  const input = ctx.input(0);
  const output = ctx.output(0);
  const width = movedWidth(ctx, input, output, DTYPES);
  if (input.shape.length > MAX_RANK) ctx.unsupported(`rank ${input.shape.length} (at most ${MAX_RANK})`);
  const paddings = readPaddings(ctx, input.shape, output.shape);
  const left = input.shape.map((_, i) => paddings[2 * i]);
  return {
    width,
    input: input.index,
    output: output.index,
    padValueTensor: ctx.optionalInput(2)?.index ?? -1,
    padValue: defaultPadValue(ctx),
    inputShape: extendShape(input.shape, MAX_RANK),
    outputShape: extendShape(output.shape, MAX_RANK),
    left: padFront(left, MAX_RANK, 0),
  };
}

/** Writes the pad value everywhere, then each input row at its padded position. */
export function evalPad(p: PadParams, store: TensorStore): void {
  const input = elements(store, p.input, p.width);
  const out = elements(store, p.output, p.width);
  if (p.padValueTensor >= 0) out.fill(elements(store, p.padValueTensor, p.width)[0]);
  else fillElements(out, p.padValue);
  const outStrides = stridesOf(p.outputShape);
  const rowLength = p.inputShape[MAX_RANK - 1];
  let i = 0;
  const walk = (dim: number, base: number): void => {
    if (dim === MAX_RANK - 1) {
      out.set(input.subarray(i, i + rowLength), base + p.left[dim]);
      i += rowLength;
      return;
    }
    for (let k = 0; k < p.inputShape[dim]; k++) walk(dim + 1, base + (k + p.left[dim]) * outStrides[dim]);
  };
  walk(0, 0);
}

export const pad = defineKernel({ op: 'PAD', prepare: preparePad, eval: evalPad });
