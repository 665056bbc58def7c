/**
 * PRELU and SQUARED_DIFFERENCE in generated C vs the interpreter: int8 (exhaustive over input
 * and alpha values for PRELU), int16, int32, float32, broadcasts up to 4D, in place.
 */
import { describe, expect, it } from 'vitest';
import { broadcastShape } from '../../src/kernels/common/elementwise.js';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { binaryCase, type EwCase, type QuantTriple, q, runCases } from './elementwise-support.js';

const ALL_INT8 = Array.from({ length: 256 }, (_, i) => i - 128);

function prelu(dtype: DType, x: number[], alpha: number[], quant: QuantSpec[] = [], given = false): EwCase {
  const alphaType: DType = dtype === 'float32' ? 'float32' : 'int8';
  return {
    label: `PRELU ${dtype} [${x}] alpha [${alpha}]${given ? ' all values' : ''}`,
    opcode: 'PRELU',
    inputs: [
      { dtype, shape: x, quant: quant[0], values: given ? ALL_INT8 : undefined },
      { dtype: alphaType, shape: alpha, quant: quant[1], values: given ? [-128, -3, 0, 5, 127] : undefined },
    ],
    output: { dtype, shape: broadcastShape([x, alpha]) ?? [], quant: quant[2] },
  };
}

const SD_QUANT: Partial<Record<DType, QuantTriple>> = {
  int8: [q(0.05, -3), q(0.07, 10), q(0.2, -128)],
  int16: [q(0.001, 0), q(0.0015, 0), q(0.01, 0)],
};

const CASES: EwCase[] = [
  prelu('int8', [256, 1], [5], [q(0.05, -10), q(0.01, 3), q(0.04, 7)], true),
  prelu('int8', [256, 1], [5], [q(0.5, 127), q(0.2, -128), q(0.02, -128)], true),
  prelu('int8', [2, 3, 4], [4], [q(0.05, -10), q(0.01, 3), q(0.04, 7)]),
  prelu('int16', [2, 3, 4], [3, 1], [q(0.001, 0), q(0.02, 0), q(0.002, 0)]),
  prelu('float32', [2, 3, 4], [1, 4]),
  { ...prelu('int8', [2, 2, 3, 2], [1, 2, 1, 2], [q(0.05, 1), q(0.01, 0), q(0.05, 1)]), inPlace: true },
  ...(['int8', 'int16', 'int32', 'float32'] as DType[]).flatMap((d) => [
    binaryCase('SQUARED_DIFFERENCE', d, [4, 6], [4, 6], SD_QUANT[d]),
    binaryCase('SQUARED_DIFFERENCE', d, [2, 3, 1, 2], [3, 4, 1], SD_QUANT[d]),
    { ...binaryCase('SQUARED_DIFFERENCE', d, [3, 5], [1], SD_QUANT[d]), inPlace: true },
  ]),
];

describe.skipIf(!hostCcAvailable)('C: PRELU / SQUARED_DIFFERENCE', () => {
  it('every case matches the interpreter byte for byte', { timeout: 120_000 }, async () => {
    const outcome = await runCases(CASES);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
  });
});
