/**
 * ADD and SUB in generated C vs the interpreter: int8, int16, int32, float32; flat, scalar,
 * channel and two-sided broadcasts up to 6D; fused activations; zero points at the int8
 * limits; in place behind a broadcast second input.
 */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { binaryCase, type EwCase, type QuantTriple, q, runCases } from './elementwise-support.js';

type Act = 'NONE' | 'RELU' | 'RELU6' | 'RELU_N1_TO_1';

const QUANT: Partial<Record<DType, QuantTriple>> = {
  int8: [q(0.037, -5), q(0.021, 9), q(0.05, 3)],
  int16: [q(0.0007, 0), q(0.0003, 0), q(0.001, 0)],
};

function binary(op: string, dtype: DType, a: number[], b: number[], act: Act = 'NONE'): EwCase {
  return binaryCase(op, dtype, a, b, QUANT[dtype], { fusedActivationFunction: act });
}

const ALL_INT8 = Array.from({ length: 256 }, (_, i) => i - 128);

const limits: EwCase = {
  label: 'ADD int8 zero points at the limits',
  opcode: 'ADD',
  inputs: [
    { dtype: 'int8', shape: [8], quant: q(0.5, 127), values: [127, 0, -128, 5, 100, -100, 1, -1] },
    { dtype: 'int8', shape: [8], quant: q(0.25, -128), values: [-128, 0, 127, 7, -50, 50, 127, -128] },
  ],
  output: { dtype: 'int8', shape: [8], quant: q(1, -128) },
};

/** Every int8 pair once (x in rows, y in columns): all of both rescale tables. */
const allPairs = (op: string): EwCase => ({
  label: `${op} int8 all pairs`,
  opcode: op,
  inputs: [
    { dtype: 'int8', shape: [256, 1], quant: q(0.05, -128), values: ALL_INT8 },
    { dtype: 'int8', shape: [1, 256], quant: q(0.3, 127), values: ALL_INT8 },
  ],
  output: { dtype: 'int8', shape: [256, 256], quant: q(0.2, 5) },
});

const CASES: EwCase[] = [
  limits,
  allPairs('ADD'),
  allPairs('SUB'),
  ...(['ADD', 'SUB'] as const).flatMap((op) => [
    binary(op, 'int8', [2, 3, 5], [2, 3, 5]),
    binary(op, 'int8', [4, 6], [1], 'RELU'),
    binary(op, 'int8', [1], [4, 6], 'RELU6'),
    binary(op, 'int8', [2, 4, 4, 3], [3], 'RELU_N1_TO_1'),
    binary(op, 'int8', [2, 1, 3], [1, 4, 1]),
    binary(op, 'int8', [2, 1, 2, 1, 3, 2], [1, 2, 1, 2, 3, 1]),
    binary(op, 'int16', [3, 7], [3, 7]),
    binary(op, 'int16', [2, 3, 4], [3, 1], 'RELU'),
    binary(op, 'int32', [2, 5], [2, 5]),
    binary(op, 'int32', [2, 5], [5], 'RELU6'),
    binary(op, 'float32', [2, 3, 4], [2, 3, 4]),
    binary(op, 'float32', [3, 1, 2], [4, 1], 'RELU'),
    binary(op, 'float32', [5], [1], 'RELU_N1_TO_1'),
    { ...binary(op, 'int8', [2, 3, 4], [1, 1, 4], 'RELU'), inPlace: true },
    { ...binary(op, 'int8', [3, 4], [3, 1]), inPlace: true },
    { ...binary(op, 'float32', [2, 5], [1]), inPlace: true },
  ]),
];

describe.skipIf(!hostCcAvailable)('C: ADD / SUB', () => {
  it('every case matches the interpreter byte for byte', { timeout: 120_000 }, async () => {
    const outcome = await runCases(CASES);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
    // int8 SUB runs tf_add_s8 over a negated table.
    expect(outcome.calls.slice(0, 3)).toEqual(['tf_add_s8', 'tf_add_s8', 'tf_add_s8']);
    expect(outcome.calls).toContain('tf_sub_s16');
    expect(outcome.calls).toContain('tf_sub_f32');
  });
});
