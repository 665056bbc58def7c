/**
 * ABS, RSQRT and the float32 unary math ops in generated C vs the interpreter: every int8 value
 * for the quantized ABS / RSQRT kernels; floats with NaN, infinities, -0, halves (ROUND's ties)
 * and large values; libm results (EXP, LOG, SIN, COS) within 1e-5 relative, the rest exact.
 */
import { describe, expect, it } from 'vitest';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { type EwCase, q, runCases, unaryCase } from './elementwise-support.js';

const ALL_INT8 = Array.from({ length: 256 }, (_, i) => i - 128);
const SPECIAL = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  0.5,
  1.5,
  2.5,
  -0.5,
  -1.5,
];
const MORE = [-2.5, 0.49999997, -0.50000006, 1e-30, 3e7, 16777217, -8388609.5, 1e30, 123.456, -7.7, 0.1, 2];
const FLOATS = [...SPECIAL, ...MORE];
const POSITIVE = [
  1e-30,
  1e-6,
  0.1,
  0.5,
  1,
  2,
  3.5,
  100,
  1e10,
  3e38,
  0,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];
const ANGLES = [
  0,
  -0,
  0.5,
  -1,
  Math.PI,
  6.2832,
  100,
  -1000.5,
  1e5,
  7.25,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

const exact = (op: string, values = FLOATS): EwCase[] => [
  unaryCase(op, 'float32', [values.length], [undefined, undefined], { values }),
  { ...unaryCase(op, 'float32', [3, 5]), inPlace: true },
];

const libm = (op: string, values: number[]): EwCase[] =>
  exact(op, values).map((c) => ({ ...c, tolerant: true }));

const int8 = (op: string, qi: QuantSpec, qo: QuantSpec): EwCase => {
  const c = unaryCase(op, 'int8', [256], [qi, qo], { values: ALL_INT8 });
  return { ...c, label: `${c.label} ${JSON.stringify([qi, qo])}` };
};

const CASES: EwCase[] = [
  int8('ABS', q(0.05, -20), q(0.05, -20)),
  int8('ABS', q(0.05, 127), q(0.02, -128)),
  { ...unaryCase('ABS', 'int8', [4, 6], [q(0.1, 3), q(0.1, 3)]), inPlace: true },
  unaryCase('ABS', 'int16', [40], [q(0.001, 0), q(0.0005, 0)]),
  unaryCase('ABS', 'int16', [40], [q(0.001, 0), q(0.001, 0)]),
  unaryCase('ABS', 'int16', [5], [undefined, undefined], { values: [-32768, -1, 0, 1, 32767] }),
  ...exact('ABS'),
  int8('RSQRT', q(0.05, -128), q(0.02, -100)),
  int8('RSQRT', q(0.5, 0), q(0.01, -128)),
  int8('RSQRT', q(1e-4, 5), q(1, 0)),
  { ...unaryCase('RSQRT', 'int8', [2, 9], [q(0.05, -128), q(0.05, -128)]), inPlace: true },
  ...exact('RSQRT', POSITIVE),
  ...exact('NEG'),
  ...exact('SQRT', POSITIVE),
  ...exact('SQUARE'),
  ...exact('FLOOR'),
  ...exact('CEIL'),
  ...exact('ROUND'),
  ...libm('EXP', [-100, -10, -1, -0.5, 0, 0.1, 1, 5.5, 20, 88, 89, Number.NaN, Number.NEGATIVE_INFINITY]),
  ...libm('LOG', POSITIVE),
  ...libm('SIN', ANGLES),
  ...libm('COS', ANGLES),
];

describe.skipIf(!hostCcAvailable)('C: ABS / RSQRT / float unary math', () => {
  it('every case matches the interpreter', { timeout: 120_000 }, async () => {
    const outcome = await runCases(CASES);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
  });
});
