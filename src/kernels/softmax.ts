// Reproduces TFLM reference SOFTMAX: softmax_common.cc with reference/softmax.h (float32, int8 -> int8/int16 via gemmlowp, int16 -> int16 via exp and 1/(1+x) LUTs).
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierGreaterThanOne,
  quantizeMultiplier,
  roundingDivideByPOT,
  saturatingRoundingDoublingHighMul,
} from '../quant/fixed-point.js';
import {
  calculateInputRadius,
  expOnNegativeValues,
  getReciprocal,
  lutLookupInt16,
  lutPopulateInt16,
  preprocessSoftmaxScaling,
  rescale,
} from '../quant/gemmlowp.js';
import { elementCount } from '../tflite/verify.js';
import { f32, tensorScale, tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface SoftmaxParams {
  kind: 'float32' | 'int8' | 'int8-int16' | 'int16';
  input: number;
  output: number;
  outerSize: number;
  depth: number;
  beta: number;
  inputMultiplier: number;
  inputShift: number;
  diffMin: number;
  /** int16 only: exp(x) on [-10, 0] and 1/(1+x) on [0, 1], 513 entries each. */
  expLut: Int16Array | null;
  oneOverOnePlusXLut: Int16Array | null;
}

/** Kept in sync with reference/softmax.h: exp() input is Q5.26, the sum is Q12.19. */
const SCALED_DIFF_INTEGER_BITS = 5;
/** Integer bits of the int8 kernels' Q12.19 sum of exponentials (softmax and log-softmax alike). */
export const ACCUMULATION_INTEGER_BITS = 12;

/**
 * The row's maximum and the wrapping Q12.19 sum of `exp(diff)` (Q0.31) over the values whose
 * difference from it is at least `diffMin`, as the int8 softmax and log-softmax loops compute them.
 */
export function maxAndExpSum(
  x: Int8Array,
  row: number,
  depth: number,
  diffMin: number,
  exp: (diff: number) => number,
): { max: number; sum: number } {
  let max = -128;
  for (let c = 0; c < depth; c++) max = Math.max(max, x[row + c]);
  let sum = 0;
  for (let c = 0; c < depth; c++) {
    const diff = x[row + c] - max;
    if (diff >= diffMin) sum = (sum + rescale(exp(diff), 0, ACCUMULATION_INTEGER_BITS)) | 0;
  }
  return { max, sum };
}

function checkOutputQuant(
  ctx: PrepareContext,
  inDType: string,
  outDType: string,
  scale: number,
  zp: number,
): void {
  const near = (target: number): boolean => Math.abs(scale - target) <= f32(0.001 * target);
  if (inDType === 'int16' && (outDType !== 'int16' || zp !== 0 || !near(f32(1 / 32768))))
    ctx.fail('int16 softmax needs an int16 output with scale 1/32768 and zero point 0');
  if (inDType === 'int8' && outDType === 'int16' && (zp !== -32768 || !near(f32(1 / 65536))))
    ctx.fail('int8 -> int16 softmax needs output scale 1/65536 and zero point -32768');
  if (inDType === 'int8' && outDType === 'int8' && (zp !== -128 || scale !== 1 / 256))
    ctx.fail('int8 softmax needs output scale 1/256 and zero point -128');
}

function kindOf(ctx: PrepareContext, inDType: string, outDType: string): SoftmaxParams['kind'] {
  if (inDType === 'float32' && outDType === 'float32') return 'float32';
  if (inDType === 'int8' && outDType === 'int8') return 'int8';
  if (inDType === 'int8' && outDType === 'int16') return 'int8-int16';
  if (inDType === 'int16' && outDType === 'int16') return 'int16';
  return ctx.unsupported(`softmax from ${inDType} to ${outDType}`);
}

function prepare(ctx: PrepareContext): SoftmaxParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  const kind = kindOf(ctx, input.dtype, output.dtype);
  if (input.shape.length < 1) ctx.fail('input must have rank >= 1');
  const depth = input.shape[input.shape.length - 1];
  const size = elementCount(input.shape);
  if (size !== elementCount(output.shape) || output.shape[output.shape.length - 1] !== depth)
    ctx.fail(`input [${input.shape}] and output [${output.shape}] differ`);
  const beta = ctx.op.options.beta as number;
  const base = {
    kind,
    input: input.index,
    output: output.index,
    outerSize: depth ? size / depth : 0,
    depth,
    beta,
  };
  const none = { inputMultiplier: 0, inputShift: 0, diffMin: 0, expLut: null, oneOverOnePlusXLut: null };
  if (kind === 'float32') return { ...base, ...none };
  checkOutputQuant(ctx, input.dtype, output.dtype, tensorScale(ctx, output), tensorZeroPoint(output));
  const inputScale = tensorScale(ctx, input);
  if (kind === 'int16') {
    const q = multiplierForInt16(inputScale, beta);
    const range = 65535;
    const expLut = lutPopulateInt16(f32(10 / range), 32767, f32(2 / range), 0, (x) => f32(Math.exp(x)));
    const recipLut = lutPopulateInt16(f32(1 / range), -32768, f32(2 / range), 0, (x) => f32(1 / f32(1 + x)));
    return {
      ...base,
      ...none,
      inputMultiplier: q.multiplier,
      inputShift: q.shift,
      expLut,
      oneOverOnePlusXLut: recipLut,
    };
  }
  const q = preprocessSoftmaxScaling(beta, inputScale, SCALED_DIFF_INTEGER_BITS);
  const diffMin = -calculateInputRadius(SCALED_DIFF_INTEGER_BITS, q.shift);
  return { ...base, ...none, inputMultiplier: q.multiplier, inputShift: q.shift, diffMin };
}

/** input_scale * beta rescaled so that input differences [-65535, 0] map to [-10, 0]. */
function multiplierForInt16(inputScale: number, beta: number): { multiplier: number; shift: number } {
  return quantizeMultiplier((inputScale * beta) / (10.0 / 65535.0));
}

function evalFloat(p: SoftmaxParams, store: TensorStore): void {
  const x = store.f32(p.input);
  const y = store.f32(p.output);
  const f = Math.fround;
  for (let i = 0; i < p.outerSize; i++) {
    const row = i * p.depth;
    let max = -3.4028234663852886e38;
    for (let c = 0; c < p.depth; c++) if (max < x[row + c]) max = x[row + c];
    let sum = 0;
    for (let c = 0; c < p.depth; c++) {
      const e = f(Math.exp(f(f(x[row + c] - max) * p.beta)));
      y[row + c] = e;
      sum = f(sum + e);
    }
    for (let c = 0; c < p.depth; c++) y[row + c] = y[row + c] / sum;
  }
}

/** int8 input, int8 or int16 output: gemmlowp exp, Q12 sum, fixed-point reciprocal. */
function evalInt8(p: SoftmaxParams, store: TensorStore): void {
  const x = store.i8(p.input);
  const wide = p.kind === 'int8-int16';
  const y = wide ? store.i16(p.output) : store.i8(p.output);
  const [outMin, outMax, outBits] = wide ? [-32768, 32767, 16] : [-128, 127, 8];
  const scaledExp = (diff: number): number =>
    expOnNegativeValues(
      multiplyByQuantizedMultiplierGreaterThanOne(diff, p.inputMultiplier, p.inputShift),
      SCALED_DIFF_INTEGER_BITS,
    );
  for (let i = 0; i < p.outerSize; i++) {
    const row = i * p.depth;
    const { max, sum } = maxAndExpSum(x, row, p.depth, p.diffMin, scaledExp);
    const recip = getReciprocal(sum, ACCUMULATION_INTEGER_BITS);
    const exponent = recip.numBitsOverUnit + 31 - outBits;
    for (let c = 0; c < p.depth; c++) {
      const diff = x[row + c] - max;
      if (diff < p.diffMin) {
        y[row + c] = outMin;
        continue;
      }
      const unsat = roundingDivideByPOT(
        saturatingRoundingDoublingHighMul(recip.raw, scaledExp(diff)),
        exponent,
      );
      y[row + c] = Math.min(Math.max(unsat + outMin, outMin), outMax);
    }
  }
}

/** int16: exp through the LUT, the sum normalised and inverted through the 1/(1+x) LUT. */
function evalInt16(p: SoftmaxParams, store: TensorStore): void {
  const x = store.i16(p.input);
  const y = store.i16(p.output);
  const expLut = p.expLut as Int16Array;
  const recipLut = p.oneOverOnePlusXLut as Int16Array;
  for (let i = 0; i < p.outerSize; i++) {
    const row = i * p.depth;
    let max = -32768;
    for (let c = 0; c < p.depth; c++) max = Math.max(max, x[row + c]);
    let sum = 0;
    for (let c = 0; c < p.depth; c++) {
      const scaled = multiplyByQuantizedMultiplier(x[row + c] - max, p.inputMultiplier, p.inputShift);
      // The exps are cached in the output row, as TFLM does.
      y[row + c] = lutLookupInt16(Math.min(Math.max(scaled + 32767, -32768), 32767), expLut);
      sum = (sum + y[row + c]) | 0;
    }
    const headroomPlusOne = Math.clz32(sum);
    const shiftedSum = Math.floor((sum * 2 ** (headroomPlusOne - 1) + (1 << 13)) / 2 ** 14);
    const symShiftedSum = Math.min(Math.max(shiftedSum - ((1 << 15) + (1 << 16)), -32768), 32767);
    const reciprocal = lutLookupInt16(symShiftedSum, recipLut);
    const rightShift = 31 - headroomPlusOne;
    const round = 2 ** (rightShift - 1);
    for (let c = 0; c < p.depth; c++) {
      const result = Math.floor((y[row + c] * reciprocal + round) / 2 ** rightShift);
      y[row + c] = Math.min(Math.max(result, 0), 32767);
    }
  }
}

export const softmax = defineKernel({
  op: 'SOFTMAX',
  prepare,
  eval(p: SoftmaxParams, store: TensorStore) {
    if (p.kind === 'float32') evalFloat(p, store);
    else if (p.kind === 'int16') evalInt16(p, store);
    else evalInt8(p, store);
  },
});
