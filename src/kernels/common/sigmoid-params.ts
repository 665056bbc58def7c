/**
 * Prepare and eval shared by LOGISTIC and TANH, as TFLM's logistic_common.cc / tanh.cc prepare them:
 * int8 inputs are rescaled to Q4.27 for gemmlowp, int16 inputs to the sigmoid table's 1/(3*4096) grid.
 */
import type { GraphTensor } from '../../graph/graph.js';
import type { TensorStore } from '../../interpreter/tensor-store.js';
import {
  frexp,
  multiplyByQuantizedMultiplier,
  roundHalfAway,
  roundingDivideByPOT,
} from '../../quant/fixed-point.js';
import { calculateInputRadius, checkedLog2 } from '../../quant/gemmlowp.js';
import { elementCount } from '../../tflite/verify.js';
import type { PrepareContext } from '../types.js';
import { tensorScale, tensorZeroPoint } from './fc-params.js';

/** Integer bits of the int8 kernels' fixed-point input (Q4.27). */
export const INT8_INPUT_INTEGER_BITS = 4;

export interface SigmoidInputScaling {
  multiplier: number;
  /** A left shift (may be negative for int8). */
  shift: number;
  /** int8 only: |input - zero point| at or beyond which the output saturates. */
  radius: number;
}

/** input_scale * 2^27 as frexp's fraction (rounded to Q31) and exponent. */
export function int8InputScaling(ctx: PrepareContext, input: GraphTensor): SigmoidInputScaling {
  const [q, shift] = frexp(tensorScale(ctx, input) * 2 ** (31 - INT8_INPUT_INTEGER_BITS));
  return {
    // A fraction that rounds up to 2^31 wraps, as the C cast does.
    multiplier: roundHalfAway(q * 2 ** 31) | 0,
    shift,
    radius: calculateInputRadius(INT8_INPUT_INTEGER_BITS, shift, 31),
  };
}

/**
 * int16: zero points 0, output scale 2^-15. A power-of-two input scale with a small enough shift
 * takes the exact path (multiplier 0); otherwise a 15-bit multiplier and a right shift.
 */
export function int16InputScaling(
  ctx: PrepareContext,
  input: GraphTensor,
  output: GraphTensor,
  maxPotShift: number,
): SigmoidInputScaling {
  if (tensorZeroPoint(input) !== 0 || tensorZeroPoint(output) !== 0)
    ctx.fail('int16 input and output need zero point 0');
  const out = checkedLog2(tensorScale(ctx, output));
  if (!out.isPowerOfTwo || out.log2 !== -15) ctx.fail('int16 output scale must be 2^-15');
  const inputScale = tensorScale(ctx, input);
  const log2 = checkedLog2(inputScale);
  const potShift = 12 + log2.log2;
  if (log2.isPowerOfTwo && potShift >= 0 && potShift <= maxPotShift)
    return { multiplier: 0, shift: potShift, radius: 0 };
  let multiplier = inputScale * 4096 * 3;
  let shift = 0;
  while (multiplier <= 32767 / 2 && shift <= 30) {
    shift++;
    multiplier *= 2;
  }
  return { multiplier: Math.trunc(multiplier), shift, radius: 0 };
}

/** Prepared data of LOGISTIC and TANH. */
export interface SigmoidParams {
  dtype: 'float32' | 'int8' | 'int16';
  input: number;
  output: number;
  size: number;
  inputZeroPoint: number;
  inputMultiplier: number;
  inputShift: number;
  inputRadius: number;
}

/**
 * Prepare of LOGISTIC (`maxPotShift` 0) and TANH (1) for the op named `what`; an int8 output
 * must have zero point `int8OutputZeroPoint` when it is given.
 */
export function prepareSigmoid(
  ctx: PrepareContext,
  what: string,
  maxPotShift: number,
  int8OutputZeroPoint?: number,
): SigmoidParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (input.dtype !== output.dtype) ctx.fail(`input ${input.dtype} and output ${output.dtype} differ`);
  if (input.dtype !== 'float32' && input.dtype !== 'int8' && input.dtype !== 'int16')
    ctx.unsupported(`${what} of ${input.dtype}`);
  const size = elementCount(input.shape);
  if (size !== elementCount(output.shape))
    ctx.fail(`input [${input.shape}] and output [${output.shape}] differ`);
  const base = { dtype: input.dtype, input: input.index, output: output.index, size, inputZeroPoint: 0 };
  if (input.dtype === 'float32') return { ...base, inputMultiplier: 0, inputShift: 0, inputRadius: 0 };
  if (
    input.dtype === 'int8' &&
    int8OutputZeroPoint !== undefined &&
    tensorZeroPoint(output) !== int8OutputZeroPoint
  )
    ctx.fail(`int8 output zero point must be ${int8OutputZeroPoint}`);
  const s =
    input.dtype === 'int8'
      ? int8InputScaling(ctx, input)
      : int16InputScaling(ctx, input, output, maxPotShift);
  return {
    ...base,
    inputZeroPoint: tensorZeroPoint(input),
    inputMultiplier: s.multiplier,
    inputShift: s.shift,
    inputRadius: s.radius,
  };
}

/**
 * One int8 element: saturated beyond the input radius, else `fixed` of the Q4.27 input, rounded
 * to the output's `outputFractionBits` and offset by `outputOffset`.
 */
export function sigmoidInt8(
  p: SigmoidParams,
  x: number,
  fixed: (a: number, intBits: number) => number,
  outputFractionBits: number,
  outputOffset: number,
): number {
  const input = x - p.inputZeroPoint;
  if (input <= -p.inputRadius) return -128;
  if (input >= p.inputRadius) return 127;
  const q4 = multiplyByQuantizedMultiplier(input, p.inputMultiplier, p.inputShift);
  const scaled = roundingDivideByPOT(fixed(q4, INT8_INPUT_INTEGER_BITS), 31 - outputFractionBits);
  return Math.min(Math.max(scaled + outputOffset, -128), 127);
}

/** Eval of LOGISTIC and TANH: one function per dtype, applied element by element. */
export function evalSigmoid(
  p: SigmoidParams,
  store: TensorStore,
  int8: (p: SigmoidParams, x: number) => number,
  int16: (x: number, multiplier: number, shift: number) => number,
  float: (x: number) => number,
): void {
  if (p.dtype === 'int8') {
    const x = store.i8(p.input);
    const y = store.i8(p.output);
    for (let i = 0; i < p.size; i++) y[i] = int8(p, x[i]);
  } else if (p.dtype === 'int16') {
    const x = store.i16(p.input);
    const y = store.i16(p.output);
    for (let i = 0; i < p.size; i++) y[i] = int16(x[i], p.inputMultiplier, p.inputShift);
  } else {
    const x = store.f32(p.input);
    const y = store.f32(p.output);
    for (let i = 0; i < p.size; i++) y[i] = float(x[i]);
  }
}
