import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { prepareError, runOp } from './pool-reduce-support.js';

const size = (h: number, w: number) => ({ dtype: 'int32' as const, shape: [2], data: [h, w] });

describe('RESIZE_BILINEAR float32', () => {
  it('interpolates with align_corners', () => {
    const { outputs } = runOp(
      'RESIZE_BILINEAR',
      [{ dtype: 'float32', shape: [1, 2, 2, 1], values: [0, 1, 2, 3] }, size(3, 3)],
      [{ dtype: 'float32', shape: [1, 3, 3, 1] }],
      { alignCorners: true },
    );
    expect(outputs[0]).toEqual([0, 0.5, 1, 1, 1.5, 2, 2, 2.5, 3]);
  });

  it('clamps the upper source at the edge without align_corners', () => {
    const { outputs } = runOp(
      'RESIZE_BILINEAR',
      [{ dtype: 'float32', shape: [1, 1, 2, 1], values: [0, 4] }, size(1, 4)],
      [{ dtype: 'float32', shape: [1, 1, 4, 1] }],
    );
    expect(outputs[0]).toEqual([0, 2, 4, 4]);
  });

  it('samples half-pixel centers', () => {
    const { outputs } = runOp(
      'RESIZE_BILINEAR',
      [{ dtype: 'float32', shape: [1, 1, 2, 1], values: [0, 4] }, size(1, 4)],
      [{ dtype: 'float32', shape: [1, 1, 4, 1] }],
      { halfPixelCenters: true },
    );
    expect(outputs[0]).toEqual([0, 1, 3, 4]);
  });
});

describe('RESIZE_BILINEAR int8', () => {
  const q = { scale: 0.1, zeroPoint: 0 };

  it('uses 10-bit weights and rounds half away from zero', () => {
    // scale_10 = 512: the midpoint of -3 and 0 is -1.5 -> -2.
    const { outputs } = runOp(
      'RESIZE_BILINEAR',
      [{ dtype: 'int8', shape: [1, 1, 2, 1], values: [-3, 0], quant: q }, size(1, 4)],
      [{ dtype: 'int8', shape: [1, 1, 4, 1], quant: q }],
    );
    expect(outputs[0]).toEqual([-3, -2, 0, 0]);
  });

  it('samples half-pixel centers in fixed point', () => {
    const { outputs } = runOp(
      'RESIZE_BILINEAR',
      [{ dtype: 'int8', shape: [1, 1, 2, 1], values: [0, 4], quant: q }, size(1, 4)],
      [{ dtype: 'int8', shape: [1, 1, 4, 1], quant: q }],
      { halfPixelCenters: true },
    );
    expect(outputs[0]).toEqual([0, 1, 3, 4]);
  });

  it('stays within one step of the float interpolation on a 3x3 -> 5x4 resize', () => {
    const values = randomInts(9 * 2, -128, 127, 8);
    const input = (dtype: 'int8' | 'float32') => ({ dtype, shape: [1, 3, 3, 2], values, quant: q });
    const out = (dtype: 'int8' | 'float32') => [{ dtype, shape: [1, 5, 4, 2], quant: q }];
    const i8 = runOp('RESIZE_BILINEAR', [input('int8'), size(5, 4)], out('int8'));
    const fl = runOp('RESIZE_BILINEAR', [input('float32'), size(5, 4)], out('float32'));
    i8.outputs[0].forEach((v, k) => {
      expect(Math.abs(v - fl.outputs[0][k])).toBeLessThanOrEqual(1);
    });
  });

  it('rejects align_corners with half_pixel_centers and reports int16 as unsupported', () => {
    const e1 = prepareError(
      'RESIZE_BILINEAR',
      [{ dtype: 'int8', shape: [1, 1, 2, 1], values: [0, 4], quant: q }, size(1, 4)],
      [{ dtype: 'int8', shape: [1, 1, 4, 1], quant: q }],
      { alignCorners: true, halfPixelCenters: true },
    );
    expect(e1).toBeInstanceOf(KernelPrepareError);
    const e2 = prepareError(
      'RESIZE_BILINEAR',
      [{ dtype: 'int16', shape: [1, 1, 2, 1], values: [0, 4], quant: q }, size(1, 4)],
      [{ dtype: 'int16', shape: [1, 1, 4, 1], quant: q }],
    );
    expect(e2).toBeInstanceOf(UnsupportedOperatorError);
  });
});
