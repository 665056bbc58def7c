/** From raw dataset values to input bytes: scale and normalise as declared, then quantize. */
import { InputMismatchError } from '../errors.js';
import { quantizeValues } from '../io/values.js';
import type { IOSpec } from '../run/session.js';
import type { DType } from '../tflite/schema.js';
import type { Preprocess } from './scenario.js';

const at = (v: number | number[], i: number): number => (typeof v === 'number' ? v : v[i % v.length]);

/** ((x * scale + offset) - mean) / std; per-channel mean and std cycle over the last axis. */
export function preprocessValues(x: Float64Array, p: Preprocess | undefined): Float64Array {
  if (!p) return x;
  return x.map((v, i) => (v * p.scale + p.offset - at(p.mean, i)) / at(p.std, i));
}

/** Real values as the bytes of a model input: quantized for integer inputs, else as they are. */
export function toInputBytes(values: Float64Array, spec: IOSpec): Uint8Array {
  const quantized = spec.dtype !== 'float32' && spec.dtype !== 'float64';
  if (quantized && spec.scale === null) {
    throw new InputMismatchError(
      `input "${spec.name}" is ${spec.dtype} without quantization parameters`,
      'eval feeds real values; the model input must be float or quantized',
    );
  }
  const quant = quantized ? { scale: spec.scale!, zeroPoint: spec.zeroPoint ?? 0 } : null;
  return quantizeValues(Array.from(values), spec.dtype as DType, spec.shape, quant).data;
}
