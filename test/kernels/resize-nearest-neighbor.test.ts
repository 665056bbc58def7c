import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { nearestIndex } from '../../src/kernels/resize-nearest-neighbor.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const size = (h: number, w: number) => ({ dtype: 'int32' as const, shape: [2], data: [h, w] });

describe('nearestIndex', () => {
  it('floors without align_corners and rounds half away with it', () => {
    expect([0, 1, 2, 3].map((v) => nearestIndex(v, 2, 4, false))).toEqual([0, 0, 1, 1]);
    expect([0, 1, 2].map((v) => nearestIndex(v, 2, 3, true))).toEqual([0, 1, 1]);
    // Downscaling 4 -> 3: scale = 1.3333334f.
    expect([0, 1, 2].map((v) => nearestIndex(v, 4, 3, false))).toEqual([0, 1, 2]);
    expect(nearestIndex(0, 5, 1, true)).toBe(0);
  });
});

describe('RESIZE_NEAREST_NEIGHBOR', () => {
  it('upscales int8 2x2 to 4x4 by repetition', () => {
    const q = { scale: 0.5, zeroPoint: 1 };
    const { outputs } = runOp(
      'RESIZE_NEAREST_NEIGHBOR',
      [{ dtype: 'int8', shape: [1, 2, 2, 1], values: [1, 2, 3, 4], quant: q }, size(4, 4)],
      [{ dtype: 'int8', shape: [1, 4, 4, 1], quant: q }],
    );
    expect(outputs[0]).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });

  it('copies every channel of float32 pixels bit for bit, with align_corners', () => {
    const values = [1, -0, 2, Number.NaN, 3, 30, 4, 40];
    const { outputs } = runOp(
      'RESIZE_NEAREST_NEIGHBOR',
      [{ dtype: 'float32', shape: [1, 2, 2, 2], values }, size(1, 3)],
      [{ dtype: 'float32', shape: [1, 1, 3, 2] }],
      { alignCorners: true },
    );
    expect(outputs[0]).toEqual([1, -0, 2, Number.NaN, 2, Number.NaN]);
  });

  it('ignores half_pixel_centers as TFLM does, over int16 batches', () => {
    const q = { scale: 1 };
    const input = { dtype: 'int16' as const, shape: [2, 1, 2, 1], values: [-300, 300, 7, 8], quant: q };
    const out = [{ dtype: 'int16' as const, shape: [2, 1, 3, 1], quant: q }];
    const a = runOp('RESIZE_NEAREST_NEIGHBOR', [input, size(1, 3)], out, { halfPixelCenters: true });
    const b = runOp('RESIZE_NEAREST_NEIGHBOR', [input, size(1, 3)], out);
    expect(a.outputs[0]).toEqual([-300, -300, 300, 7, 7, 8]);
    expect(a.outputs[0]).toEqual(b.outputs[0]);
  });

  it('rejects a wrong output shape and reports int32 / a non-constant size as unsupported', () => {
    const f32 = { dtype: 'float32' as const, shape: [1, 2, 2, 1], values: [0, 0, 0, 0] };
    const e1 = prepareError(
      'RESIZE_NEAREST_NEIGHBOR',
      [f32, size(3, 3)],
      [{ dtype: 'float32', shape: [1, 4, 4, 1] }],
    );
    expect(e1).toBeInstanceOf(KernelPrepareError);
    const e2 = prepareError(
      'RESIZE_NEAREST_NEIGHBOR',
      [{ ...f32, dtype: 'int32' }, size(2, 2)],
      [{ dtype: 'int32', shape: [1, 2, 2, 1] }],
    );
    expect(e2).toBeInstanceOf(UnsupportedOperatorError);
    const e3 = prepareError(
      'RESIZE_NEAREST_NEIGHBOR',
      [f32, { dtype: 'int32', shape: [2], values: [2, 2] }],
      [{ dtype: 'float32', shape: [1, 2, 2, 1] }],
    );
    expect(e3).toBeInstanceOf(UnsupportedOperatorError);
  });
});
