/**
 * MUL and DIV in generated C vs the interpreter: int8 (DIV through gemmlowp's reciprocal, with
 * divisors at the zero point and quotients far outside int8), int16, int32 (DIV by 0 and
 * INT32_MIN / -1), float32; broadcasts, fused activations, in place.
 */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { binaryCase, type EwCase, type QuantTriple, q, runCases } from './elementwise-support.js';

const QUANT: Partial<Record<DType, QuantTriple>> = {
  int8: [q(0.05, -7), q(0.04, 11), q(0.1, 2)],
  int16: [q(0.002, 0), q(0.001, 0), q(0.004, 0)],
};

const act = (fusedActivationFunction: string) => ({ fusedActivationFunction });

function cases(op: 'MUL' | 'DIV', dtypes: DType[]): EwCase[] {
  return dtypes.flatMap((d) => [
    binaryCase(op, d, [3, 8], [3, 8], QUANT[d]),
    binaryCase(op, d, [2, 3, 4], [4], QUANT[d], act('RELU')),
    binaryCase(op, d, [1], [5, 3], QUANT[d], act('RELU6')),
    binaryCase(op, d, [2, 1, 3, 1], [1, 4, 1, 2], QUANT[d], act('RELU_N1_TO_1')),
    { ...binaryCase(op, d, [2, 6], [2, 1], QUANT[d]), inPlace: true },
  ]);
}

/** Every int8 pair once: x in rows, y in columns, including divisors at the zero point. */
const allPairs = (op: string, quant: QuantTriple): EwCase => ({
  label: `${op} int8 all pairs`,
  opcode: op,
  inputs: [
    {
      dtype: 'int8',
      shape: [256, 1],
      quant: quant[0],
      values: Array.from({ length: 256 }, (_, i) => i - 128),
    },
    {
      dtype: 'int8',
      shape: [1, 256],
      quant: quant[1],
      values: Array.from({ length: 256 }, (_, i) => i - 128),
    },
  ],
  output: { dtype: 'int8', shape: [256, 256], quant: quant[2] },
});

const int32Div: EwCase = {
  label: 'DIV int32 edge values',
  opcode: 'DIV',
  inputs: [
    { dtype: 'int32', shape: [6], values: [7, -7, -2147483648, 5, 0, 2147483647] },
    { dtype: 'int32', shape: [6], values: [2, 2, -1, 0, 0, -1] },
  ],
  output: { dtype: 'int32', shape: [6] },
};

const CASES: EwCase[] = [
  ...cases('MUL', ['int8', 'int16', 'int32', 'float32']),
  ...cases('DIV', ['int8', 'int32', 'float32']),
  allPairs('MUL', [q(0.05, -128), q(0.3, 127), q(0.02, 5)]),
  allPairs('DIV', [q(0.05, -7), q(0.04, 11), q(0.1, 2)]),
  // A large quotient scale: the final shift of DivElementwise leaves [0, 31].
  allPairs('DIV', [q(1, 0), q(1e-4, 0), q(1e-5, 0)]),
  allPairs('DIV', [q(1e-5, 3), q(10, -128), q(50, 0)]),
  int32Div,
];

describe.skipIf(!hostCcAvailable)('C: MUL / DIV', () => {
  it('every case matches the interpreter byte for byte', { timeout: 120_000 }, async () => {
    const outcome = await runCases(CASES);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
  });
});
