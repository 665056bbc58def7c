/** Activation ranges as TFLM computes them (CalculateActivationRange[Quantized]). */
import type { Activation } from '../tflite/schema.js';
import { INT_RANGES, type IntDType, roundHalfAway } from './fixed-point.js';

const FLOAT_MAX = 3.4028234663852886e38;

/** Quantizes a real value with a float32 scale: zero_point + round(f / scale), in float. */
function quantizeF32(f: number, scale: number, zeroPoint: number): number {
  return zeroPoint + roundHalfAway(Math.fround(f / Math.fround(scale)));
}

/** [min, max] for a fused activation on a quantized output of the given dtype. */
export function activationRangeQuantized(
  act: Activation,
  dtype: IntDType,
  scale: number,
  zeroPoint: number,
): [number, number] {
  const [qmin, qmax] = INT_RANGES[dtype];
  switch (act) {
    case 'RELU':
      return [Math.max(qmin, quantizeF32(0, scale, zeroPoint)), qmax];
    case 'RELU6':
      return [
        Math.max(qmin, quantizeF32(0, scale, zeroPoint)),
        Math.min(qmax, quantizeF32(6, scale, zeroPoint)),
      ];
    case 'RELU_N1_TO_1':
      return [
        Math.max(qmin, quantizeF32(-1, scale, zeroPoint)),
        Math.min(qmax, quantizeF32(1, scale, zeroPoint)),
      ];
    default:
      return [qmin, qmax];
  }
}

/** [min, max] for a fused activation on a float output. */
export function activationRangeFloat(act: Activation): [number, number] {
  switch (act) {
    case 'RELU':
      return [0, FLOAT_MAX];
    case 'RELU6':
      return [0, 6];
    case 'RELU_N1_TO_1':
      return [-1, 1];
    default:
      return [-FLOAT_MAX, FLOAT_MAX];
  }
}
