// Reproduces TFLM reference FLOOR_MOD: floor_mod.cc + reference/floor_mod.h (float32: fmod, moved to the divisor's sign; 4D broadcasting).
import { floatBinaryKernel } from './floor-div.js';

/** FloorMod<float>: std::fmod, plus the divisor when the remainder's sign differs from it. */
export function floorModFloat(a: number, b: number): number {
  const mod = a % b;
  return mod !== 0 && b < 0 !== mod < 0 ? Math.fround(mod + b) : mod;
}

export const floorMod = floatBinaryKernel('FLOOR_MOD', floorModFloat);
