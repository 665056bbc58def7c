/**
 * RELU, RELU_N1_TO_1, RELU6, LEAKY_RELU and HARD_SWISH in generated C vs the interpreter:
 * every int8 value (so each quantized kernel is checked exhaustively), int16, float32 with
 * NaN and -0, rescaling between different input and output scales, in place.
 */
import { describe, expect, it } from 'vitest';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { type EwCase, q, runCases, unaryCase } from './elementwise-support.js';

const ALL_INT8 = Array.from({ length: 256 }, (_, i) => i - 128);
const FLOATS = [Number.NaN, -0, 0, -1e30, 1e30, -7.5, -1, -0.5, 0.25, 1, 2.9, 3, 5.99, 6, 6.01, 100];

function int8(op: string, qi: QuantSpec, qo: QuantSpec, alpha?: number): EwCase {
  const c = unaryCase(op, 'int8', [256], [qi, qo], {
    values: ALL_INT8,
    options: alpha === undefined ? {} : { alpha },
  });
  return { ...c, label: `${c.label} ${JSON.stringify([qi, qo, alpha])}` };
}

function others(op: string, dtypes: DType[], qi?: QuantSpec, qo?: QuantSpec, alpha?: number): EwCase[] {
  const options: BuiltinOptions = alpha === undefined ? {} : { alpha };
  return dtypes.flatMap((d) =>
    d === 'float32'
      ? [
          unaryCase(op, d, [16], [undefined, undefined], { values: FLOATS, options }),
          unaryCase(op, d, [4, 9], [undefined, undefined], { options }),
        ]
      : [
          unaryCase(op, d, [3, 40], [qi, qo], { options }),
          { ...unaryCase(op, d, [2, 7], [qi, qo], { options }), inPlace: true },
        ],
  );
}

const i16 = (s: number) => q(s, 0);

const CASES: EwCase[] = [
  int8('RELU', q(0.05, -20), q(0.03, -128)),
  int8('RELU', q(0.05, 127), q(0.05, 127)),
  int8('RELU_N1_TO_1', q(0.02, 5), q(0.01, -3)),
  int8('RELU6', q(0.05, -100), q(0.05, -100)),
  int8('RELU6', q(0.01, 0), q(0.01, 0)),
  int8('LEAKY_RELU', q(0.05, -10), q(0.04, 7), 0.2),
  int8('LEAKY_RELU', q(0.05, 127), q(0.1, -128), -1.5),
  int8('HARD_SWISH', q(0.05, -10), q(0.03, -100)),
  int8('HARD_SWISH', q(0.2, 40), q(0.1, -128)),
  int8('HARD_SWISH', q(0.002, 0), q(0.002, 3)),
  ...others('RELU', ['int16', 'float32'], i16(0.001), i16(0.0005)),
  ...others('RELU_N1_TO_1', ['int8', 'float32'], q(0.02, 1), q(0.01, 0)),
  ...others('RELU_N1_TO_1', ['int16'], i16(0.0001), i16(0.00005)),
  ...others('RELU6', ['int16', 'float32'], i16(0.001), i16(0.001)),
  ...others('LEAKY_RELU', ['int16', 'float32'], i16(0.001), i16(0.002), 0.3),
  ...others('HARD_SWISH', ['int8', 'float32'], q(0.06, 2), q(0.04, -50)),
];

describe.skipIf(!hostCcAvailable)('C: RELU / RELU_N1_TO_1 / RELU6 / LEAKY_RELU / HARD_SWISH', () => {
  it('every case matches the interpreter byte for byte', { timeout: 120_000 }, async () => {
    const outcome = await runCases(CASES);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
    // int8 runs as a table of the TS kernel's results (RELU6 only clamps); int16 and float32 compute.
    const lut = (n: number) => new Array(n).fill('tf_lut_s8');
    expect(outcome.calls.slice(0, 10)).toEqual([...lut(3), 'tf_relu6_s8', 'tf_relu6_s8', ...lut(5)]);
    expect(outcome.calls).toContain('tf_leaky_relu_s16');
  });
});
