/** Output comparison for conformance: integers byte for byte, floats within 1e-5 relative. */
import type { DType } from '../../src/tflite/schema.js';

const REL_TOL = 1e-5;
const ABS_TOL = 1e-6;

export function compareOutput(dtype: DType, expected: Uint8Array, actual: Uint8Array): string | null {
  if (expected.byteLength !== actual.byteLength)
    return `size ${actual.byteLength} != expected ${expected.byteLength}`;
  if (dtype === 'float32') {
    const e = new Float32Array(expected.slice().buffer);
    const a = new Float32Array(actual.slice().buffer);
    for (let i = 0; i < e.length; i++) {
      const tol = Math.max(ABS_TOL, REL_TOL * Math.abs(e[i]));
      if (!(Math.abs(e[i] - a[i]) <= tol)) return `element ${i}: ${a[i]} != expected ${e[i]}`;
    }
    return null;
  }
  let diffs = 0;
  let first = -1;
  for (let i = 0; i < expected.byteLength; i++) {
    if (expected[i] !== actual[i]) {
      diffs++;
      if (first < 0) first = i;
    }
  }
  return diffs
    ? `${diffs} bytes differ, first at byte ${first}: ${actual[first]} != expected ${expected[first]}`
    : null;
}
