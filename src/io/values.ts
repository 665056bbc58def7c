/** Conversions between raw tensor bytes and numbers: reading, quantizing, dequantizing. */
import { DataFormatError } from '../errors.js';
import type { DType } from '../tflite/schema.js';
import type { NdArray } from './npy.js';

type NumArray = ArrayLike<number> & { [i: number]: number };

function view(dtype: string, bytes: Uint8Array): NumArray | BigInt64Array {
  const b = bytes.slice().buffer;
  switch (dtype) {
    case 'int8':
      return new Int8Array(b);
    case 'uint8':
    case 'bool':
      return new Uint8Array(b);
    case 'int16':
      return new Int16Array(b);
    case 'uint16':
      return new Uint16Array(b);
    case 'int32':
      return new Int32Array(b);
    case 'uint32':
      return new Uint32Array(b);
    case 'float32':
      return new Float32Array(b);
    case 'float64':
      return new Float64Array(b);
    case 'int64':
      return new BigInt64Array(b);
    default:
      throw new DataFormatError(`cannot read values of dtype ${dtype}`);
  }
}

/** The values of raw bytes of a dtype, as numbers. */
export function decodeValues(dtype: string, bytes: Uint8Array): number[] {
  const v = view(dtype, bytes);
  return Array.from(v as ArrayLike<number | bigint>, Number);
}

export function readValues(a: NdArray): number[] {
  return decodeValues(a.dtype, a.data);
}

const RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
};

/**
 * Encodes numbers as a dtype; with `quant`, real values are quantized as TFLite does:
 * q = clamp(round(x / scale) + zero_point).
 */
export function quantizeValues(
  values: readonly number[],
  dtype: DType,
  shape: number[],
  quant: { scale: number; zeroPoint: number } | null,
): NdArray {
  const range = RANGES[dtype];
  const encoded = values.map((x) => {
    if (!range) return x;
    const q = quant ? Math.round(x / quant.scale) + quant.zeroPoint : Math.round(x);
    return Math.min(range[1], Math.max(range[0], q));
  });
  const data = new Uint8Array(encodeAs(dtype, encoded));
  return { dtype, shape, data };
}

function encodeAs(dtype: DType, values: number[]): ArrayBuffer {
  switch (dtype) {
    case 'int8':
      return Int8Array.from(values).buffer;
    case 'uint8':
    case 'bool':
      return Uint8Array.from(values).buffer;
    case 'int16':
      return Int16Array.from(values).buffer;
    case 'int32':
      return Int32Array.from(values).buffer;
    case 'float32':
      return Float32Array.from(values).buffer;
    case 'float64':
      return Float64Array.from(values).buffer;
    case 'int64':
      return BigInt64Array.from(values.map((v) => BigInt(Math.trunc(v)))).buffer;
    default:
      throw new DataFormatError(`cannot encode values as ${dtype}`);
  }
}

/** Real values of a tensor's bytes, dequantized with (scale, zero point) when given. */
export function dequantize(
  dtype: string,
  bytes: Uint8Array,
  scale: number | null,
  zeroPoint: number | null,
): number[] {
  const v = decodeValues(dtype, bytes);
  if (scale === null || dtype === 'float32' || dtype === 'float64') return v;
  return v.map((q) => (q - (zeroPoint ?? 0)) * scale);
}
