/**
 * MAXIMUM and MINIMUM in generated C vs the interpreter: every dtype (int64 included), raw
 * comparisons of quantized values, NaN picking the second input, broadcasts, in place.
 */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { binaryCase, type EwCase, q, runCases } from './elementwise-support.js';

const DTYPES: DType[] = ['int8', 'int16', 'int32', 'int64', 'float32'];

const nan: EwCase = {
  label: 'NaN and signed zeros',
  opcode: 'MAXIMUM',
  inputs: [
    { dtype: 'float32', shape: [4], values: [Number.NaN, 1, 0, -0] },
    { dtype: 'float32', shape: [4], values: [1, Number.NaN, -0, 0] },
  ],
  output: { dtype: 'float32', shape: [4] },
};

const CASES: EwCase[] = [
  nan,
  { ...nan, label: 'MINIMUM NaN', opcode: 'MINIMUM' },
  ...(['MAXIMUM', 'MINIMUM'] as const).flatMap((op) =>
    DTYPES.flatMap((d) => [
      binaryCase(op, d, [4, 5], [4, 5]),
      binaryCase(op, d, [2, 3, 4], [3, 1]),
      { ...binaryCase(op, d, [2, 1, 2, 3, 1], [1, 2, 1, 1, 2]) },
    ]),
  ),
  binaryCase('MAXIMUM', 'int8', [6], [6], [q(0.1, 3), q(0.5, -4), q(0.2, 0)]),
  { ...binaryCase('MAXIMUM', 'int16', [3, 4], [1]), inPlace: true },
  { ...binaryCase('MINIMUM', 'float32', [3, 4], [4]), inPlace: true },
];

describe.skipIf(!hostCcAvailable)('C: MAXIMUM / MINIMUM', () => {
  it('every case matches the interpreter byte for byte', { timeout: 120_000 }, async () => {
    const outcome = await runCases(CASES);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
    expect(outcome.calls).toContain('tf_minimum_s64');
  });
});
