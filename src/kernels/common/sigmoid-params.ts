/**
 * Input scaling shared by LOGISTIC and TANH, as TFLM's logistic_common.cc / tanh.cc prepare it:
 * int8 inputs are rescaled to Q4.27 for gemmlowp, int16 inputs to the sigmoid table's 1/(3*4096) grid.
 */
import type { GraphTensor } from '../../graph/graph.js';
import { frexp, roundHalfAway } from '../../quant/fixed-point.js';
import { calculateInputRadius, checkedLog2 } from '../../quant/gemmlowp.js';
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
