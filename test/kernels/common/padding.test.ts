import { describe, expect, it } from 'vitest';
import { computeOutSize, computePadding } from '../../../src/kernels/common/padding.js';

describe('computeOutSize', () => {
  it('follows TensorFlow GetWindowedOutputSize', () => {
    expect(computeOutSize('SAME', 96, 3, 2)).toBe(48);
    expect(computeOutSize('SAME', 49, 10, 2)).toBe(25);
    expect(computeOutSize('VALID', 166, 7, 1)).toBe(160);
    expect(computeOutSize('VALID', 10, 3, 1, 2)).toBe(6);
    expect(computeOutSize('VALID', 2, 3, 1)).toBe(0);
    expect(computeOutSize('SAME', 5, 3, 0)).toBe(0);
  });
});

describe('computePadding', () => {
  it('puts the odd padding row after the input (SAME, stride 2)', () => {
    const p = computePadding({
      padding: 'SAME',
      strideH: 2,
      strideW: 2,
      inH: 96,
      inW: 96,
      filterH: 3,
      filterW: 3,
    });
    expect(p).toEqual({ height: 0, width: 0, heightOffset: 1, widthOffset: 1, outHeight: 48, outWidth: 48 });
  });

  it('pads symmetric windows evenly (SAME, stride 1)', () => {
    const p = computePadding({
      padding: 'SAME',
      strideH: 1,
      strideW: 1,
      inH: 25,
      inW: 5,
      filterH: 3,
      filterW: 3,
    });
    expect(p).toEqual({ height: 1, width: 1, heightOffset: 0, widthOffset: 0, outHeight: 25, outWidth: 5 });
  });

  it('handles asymmetric filters and dilation', () => {
    const p = computePadding({
      padding: 'SAME',
      strideH: 2,
      strideW: 2,
      inH: 49,
      inW: 10,
      filterH: 10,
      filterW: 4,
    });
    // rows: (25-1)*2 + 10 - 49 = 9 -> 4 before, 1 extra after; cols: (5-1)*2 + 4 - 10 = 2 -> 1
    expect(p).toEqual({ height: 4, width: 1, heightOffset: 1, widthOffset: 0, outHeight: 25, outWidth: 5 });
    const d = computePadding({
      padding: 'SAME',
      strideH: 1,
      strideW: 1,
      dilationH: 2,
      dilationW: 3,
      inH: 7,
      inW: 7,
      filterH: 3,
      filterW: 3,
    });
    expect(d).toEqual({ height: 2, width: 3, heightOffset: 0, widthOffset: 0, outHeight: 7, outWidth: 7 });
  });

  it('never pads VALID windows', () => {
    const p = computePadding({
      padding: 'VALID',
      strideH: 1,
      strideW: 2,
      inH: 8,
      inW: 166,
      filterH: 7,
      filterW: 7,
    });
    expect(p).toEqual({ height: 0, width: 0, heightOffset: 0, widthOffset: 0, outHeight: 2, outWidth: 80 });
  });
});
