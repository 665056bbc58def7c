/** Preprocessing and quantizing dataset values into input bytes. */
import { describe, expect, it } from 'vitest';
import { InputMismatchError } from '../../src/errors.js';
import { preprocessValues, toInputBytes } from '../../src/eval/preprocess.js';
import type { IOSpec } from '../../src/run/session.js';

const spec = (over: Partial<IOSpec>): IOSpec => ({
  index: 0,
  name: 'x',
  dtype: 'int8',
  shape: [1, 4],
  bytes: 4,
  scale: 0.5,
  zeroPoint: -1,
  ...over,
});

describe('preprocess', () => {
  it('scales, offsets and normalises per channel (cycling over the last axis)', () => {
    const x = Float64Array.from([255, 0, 51, 102]);
    const p = { scale: 1 / 255, offset: 0, mean: [0.5, 0], std: [0.5, 1] };
    expect(Array.from(preprocessValues(x, p)).map((v) => Number(v.toFixed(6)))).toEqual([1, 0, -0.6, 0.4]);
    expect(preprocessValues(x, undefined)).toBe(x);
  });

  it('quantizes with the input scale and zero point, saturating', () => {
    const bytes = toInputBytes(Float64Array.from([0, 1, -100, 100]), spec({}));
    expect(Array.from(new Int8Array(bytes.buffer))).toEqual([-1, 1, -128, 127]);
  });

  it('passes float inputs through as float32', () => {
    const bytes = toInputBytes(
      Float64Array.from([0.25, -2]),
      spec({ dtype: 'float32', scale: null, zeroPoint: null, bytes: 8, shape: [1, 2] }),
    );
    expect(Array.from(new Float32Array(bytes.buffer))).toEqual([0.25, -2]);
  });

  it('refuses an integer input without quantization parameters', () => {
    expect(() => toInputBytes(Float64Array.of(1), spec({ scale: null }))).toThrow(InputMismatchError);
  });
});
