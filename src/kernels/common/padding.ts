/** TFLM's padding rules (tensorflow/lite/kernels/padding.h), shared by the convolution and pooling kernels. */
import type { Padding } from '../../tflite/schema.js';

/** ComputeOutSize: the spatial output size of a window sliding over `inSize`. */
export function computeOutSize(
  padding: Padding,
  inSize: number,
  filterSize: number,
  stride: number,
  dilation = 1,
): number {
  if (stride === 0) return 0;
  const effectiveFilter = (filterSize - 1) * dilation + 1;
  const span = padding === 'SAME' ? inSize + stride - 1 : inSize + stride - effectiveFilter;
  return Math.trunc(span / stride);
}

export interface PaddingSpec {
  padding: Padding;
  strideH: number;
  strideW: number;
  dilationH?: number;
  dilationW?: number;
  inH: number;
  inW: number;
  filterH: number;
  filterW: number;
}

export interface PaddingValues {
  /** Rows/columns of implicit zeros before the input (TFLM's padding_values.height/width). */
  height: number;
  width: number;
  /** 1 when the total padding is odd: the extra row/column goes after the input. */
  heightOffset: number;
  widthOffset: number;
  outHeight: number;
  outWidth: number;
}

function paddingWithOffset(
  stride: number,
  dilation: number,
  inSize: number,
  filterSize: number,
  outSize: number,
): [number, number] {
  const effectiveFilter = (filterSize - 1) * dilation + 1;
  const total = Math.max(0, (outSize - 1) * stride + effectiveFilter - inSize);
  return [Math.trunc(total / 2), total % 2];
}

/** ComputePaddingHeightWidth: output size and leading padding of a 2-D window. */
export function computePadding(s: PaddingSpec): PaddingValues {
  const dilationH = s.dilationH ?? 1;
  const dilationW = s.dilationW ?? 1;
  const outWidth = computeOutSize(s.padding, s.inW, s.filterW, s.strideW, dilationW);
  const outHeight = computeOutSize(s.padding, s.inH, s.filterH, s.strideH, dilationH);
  const [height, heightOffset] = paddingWithOffset(s.strideH, dilationH, s.inH, s.filterH, outHeight);
  const [width, widthOffset] = paddingWithOffset(s.strideW, dilationW, s.inW, s.filterW, outWidth);
  return { height, width, heightOffset, widthOffset, outHeight, outWidth };
}
