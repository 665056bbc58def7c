// Reproduces TFLM reference ROUND: round.cc + reference/round.h RoundToNearest (float32, ties to even).
import { unaryFloatKernel } from './common/elementwise.js';

/** RoundToNearest: floor, then up when the fraction exceeds one half or is one half above an odd floor. */
export function roundToNearest(value: number): number {
  const floorVal = Math.floor(value);
  const diff = value - floorVal;
  if (diff < 0.5 || (diff === 0.5 && floorVal % 2 === 0)) return floorVal;
  return Math.fround(floorVal + 1);
}

export const round = unaryFloatKernel('ROUND', roundToNearest);
