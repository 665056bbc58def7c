/** QUANTIZE and DEQUANTIZE: the generated C equals the TS interpreter on every dtype pair. */
import { describe, it } from 'vitest';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, type OpCase, runNative } from './fc-group-native.js';

const SHAPE = [2, 3, 7];

function quantizeCase(
  name: string,
  inDType: DType,
  inQuant: QuantSpec | undefined,
  outDType: DType,
  outQuant: QuantSpec,
  feeds?: number[][][],
): OpCase {
  const shape = feeds ? [feeds[0][0].length] : SHAPE;
  return {
    name,
    opcode: 'QUANTIZE',
    inputs: [{ dtype: inDType, shape, quant: inQuant }],
    output: { dtype: outDType, shape, quant: outQuant },
    feeds,
    invokes: 2,
  };
}

/** Halves (ties), values beyond int32 after scaling (2^29 / 0.25 = 2^31), NaN and infinities. */
const SPECIAL = [
  0.125,
  -0.125,
  0.375,
  -0.375,
  0.625,
  -0.625,
  31.875,
  -32.125,
  -0,
  1e-30,
  2 ** 29,
  -(2 ** 29),
  2 ** 29 - 64,
  -(2 ** 29) + 64,
  1e10,
  -1e10,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  8388607.5,
  3e38,
];

describe.skipIf(!hostCcAvailable)('QUANTIZE / DEQUANTIZE: generated C vs TS interpreter', () => {
  it('agrees on float32 input (ties, out-of-range, NaN) and every integer pair', async () => {
    const q = (scale: number, zeroPoint: number): QuantSpec => ({ scale, zeroPoint });
    const cases: OpCase[] = [
      quantizeCase('f32_s8', 'float32', undefined, 'int8', q(0.0625, -3)),
      quantizeCase('f32_s8_special', 'float32', undefined, 'int8', q(0.25, 127), [[SPECIAL]]),
      quantizeCase('f32_s16_special', 'float32', undefined, 'int16', q(0.25, 1000), [[SPECIAL]]),
      quantizeCase('f32_s16', 'float32', undefined, 'int16', q(0.0003, 0)),
      quantizeCase('s32_s8', 'int32', q(0.001, 0), 'int8', q(0.5, 10)),
      quantizeCase('s32_s16', 'int32', q(0.3, 7), 'int16', q(0.01, 0)),
      quantizeCase('s16_s8', 'int16', q(0.002, 0), 'int8', q(0.1, -128)),
      quantizeCase('s16_s16', 'int16', q(0.5, 0), 'int16', q(0.7, 0)),
      quantizeCase('s16_s32', 'int16', q(0.5, 3), 'int32', q(0.0001, 0)),
      quantizeCase('s8_s8', 'int8', q(0.04, -20), 'int8', q(0.02, 127)),
      quantizeCase('s8_u8', 'int8', q(0.04, 5), 'uint8', q(0.05, 128)),
      quantizeCase('s8_s16', 'int8', q(0.25, 0), 'int16', q(0.001, 0)),
      quantizeCase('s8_s32', 'int8', q(1.5, -1), 'int32', q(0.5, 2 ** 30)),
      quantizeCase('u8_s8', 'uint8', q(0.04, 128), 'int8', q(0.04, 0)),
    ];
    for (const [name, dtype, zp] of [
      ['deq_s8', 'int8', -7],
      ['deq_s16', 'int16', 0],
      ['deq_u8', 'uint8', 131],
    ] as const) {
      cases.push({
        name,
        opcode: 'DEQUANTIZE',
        inputs: [{ dtype, shape: SHAPE, quant: q(0.0371, zp) }],
        output: { dtype: 'float32', shape: SHAPE },
      });
    }
    expectSameOutputs(await runNative(cases));
  });
});
