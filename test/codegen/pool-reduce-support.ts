/**
 * Differential cases for the pooling / reduction / resize C emitters: one-op ModelBuilder models
 * with seeded graph-input values (floats in a normal range, integers over their whole range, so
 * no NaN payloads), run through the interpreter and the generated C (shape-group-support's
 * runBoth: one host binary per test file) and compared byte for byte.
 */
import { seededRandom } from '../../src/run/inputs.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import type { QuantSpec, TensorSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { type CaseInput, type NativeCase, opCase } from './shape-group-support.js';

export const q = (scale: number, zeroPoint: number): QuantSpec => ({
  scale: [scale],
  zeroPoint: [zeroPoint],
});

const rnd = seededRandom(5150);

const INT_RANGES: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-1000, 1000],
};

/** Seeded values: floats in ±`span` (default 4) as float32, integers in ±`span` (default: the dtype's range). */
export function values(dtype: DType, shape: number[], span?: number): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  if (dtype === 'float32') return Array.from({ length: n }, () => Math.fround((rnd() * 2 - 1) * (span ?? 4)));
  const [lo, hi] = span === undefined ? INT_RANGES[dtype]! : [-span, span];
  return Array.from({ length: n }, () => lo + Math.floor(rnd() * (hi - lo + 1)));
}

/** A graph input of seeded values (pass `given` to fix them). */
export function input(dtype: DType, shape: number[], quant?: QuantSpec, given?: number[]): CaseInput {
  return { dtype, shape, quant, values: given ?? values(dtype, shape) };
}

/** A constant int32 tensor (axis, size). */
export function int32Const(data: number[], shape = [data.length]): CaseInput {
  return { dtype: 'int32', shape, data };
}

/** One op with a single output. */
export function oneOp(
  label: string,
  opcode: string,
  inputs: CaseInput[],
  output: TensorSpec,
  options: BuiltinOptions = {},
): NativeCase {
  return opCase(label, opcode, inputs, [output], options);
}
