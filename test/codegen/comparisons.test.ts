/**
 * Comparisons, LOGICAL_AND / OR / NOT, SELECT_V2, FLOOR_DIV and FLOOR_MOD in generated C vs
 * the interpreter: every dtype each op accepts (int8 and GREATER's int16 rescaled, bool bytes
 * compared raw), NaN, broadcasts, in place where input 0 and the output share a size.
 */
import { describe, expect, it } from 'vitest';
import { encodeValues, ModelBuilder } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import {
  binaryCase,
  type EwCase,
  type QuantTriple,
  q,
  type RawCase,
  randomValues,
  runCases,
  unaryCase,
} from './elementwise-support.js';

const COMPARISONS: [string, DType[]][] = [
  ['EQUAL', ['bool', 'float32', 'int32', 'int64', 'int8']],
  ['NOT_EQUAL', ['bool', 'float32', 'int32', 'int64', 'int8']],
  ['LESS', ['float32', 'int32', 'int64', 'int8']],
  ['LESS_EQUAL', ['float32', 'int32', 'int64', 'int8']],
  ['GREATER', ['float32', 'int32', 'int64', 'int8', 'int16']],
  ['GREATER_EQUAL', ['float32', 'int32', 'int64', 'int8']],
];

const QUANT: Partial<Record<DType, QuantTriple>> = {
  // Close scales so that rescaled values often tie.
  int8: [q(0.05, 3), q(0.1, -60), undefined],
  int16: [q(0.001, 0), q(0.002, 0), undefined],
};

/** Small value sets so that equal pairs occur. */
const few = (dtype: DType, n: number): number[] =>
  Array.from({ length: n }, (_, i) => (dtype === 'bool' ? [0, 1, 2][i % 3] : ((i * 7) % 5) - 2));

function comparison(op: string, dtype: DType, a: number[], b: number[]): EwCase {
  const c = binaryCase(op, dtype, a, b, QUANT[dtype], {}, 'bool');
  const n = (s: number[]) => s.reduce((x, y) => x * y, 1);
  const random = dtype === 'int8' || dtype === 'int16';
  if (random) return c;
  const [x, y] = c.inputs;
  return {
    ...c,
    inputs: [
      { ...x, values: few(dtype, n(a)) },
      { ...y, values: few(dtype, n(b)).reverse() },
    ],
  };
}

const nanCompare = (op: string): EwCase => ({
  label: `${op} NaN`,
  opcode: op,
  inputs: [
    { dtype: 'float32', shape: [4], values: [Number.NaN, 1, Number.NaN, -0] },
    { dtype: 'float32', shape: [4], values: [1, Number.NaN, Number.NaN, 0] },
  ],
  output: { dtype: 'bool', shape: [4] },
});

const select = (dtype: DType, c: number[], x: number[], y: number[], out: number[]): EwCase => ({
  label: `SELECT_V2 ${dtype} [${c}] [${x}] [${y}]`,
  opcode: 'SELECT_V2',
  inputs: [
    { dtype: 'bool', shape: c },
    { dtype, shape: x },
    { dtype, shape: y },
  ],
  output: { dtype, shape: out },
});

const divisors: EwCase = {
  label: 'FLOOR_DIV / FLOOR_MOD signs and zeros',
  opcode: 'FLOOR_MOD',
  inputs: [
    { dtype: 'float32', shape: [8], values: [7, -7, 7, -7, 0, -0, 5.5, 3] },
    { dtype: 'float32', shape: [8], values: [2, 2, -2, -2, 3, -3, 0, Number.POSITIVE_INFINITY] },
  ],
  output: { dtype: 'float32', shape: [8] },
};

const CASES: EwCase[] = [
  ...COMPARISONS.flatMap(([op, dtypes]) => [
    nanCompare(op),
    ...dtypes.flatMap((d) => [comparison(op, d, [3, 7], [3, 7]), comparison(op, d, [2, 3, 4], [3, 1])]),
  ]),
  { ...comparison('EQUAL', 'bool', [4, 5], [5]), inPlace: true },
  ...['LOGICAL_AND', 'LOGICAL_OR'].flatMap((op) => [
    binaryCase(op, 'bool', [3, 6], [3, 6]),
    binaryCase(op, 'bool', [2, 1, 3], [4, 1]),
    { ...binaryCase(op, 'bool', [2, 5], [1]), inPlace: true },
  ]),
  unaryCase('LOGICAL_NOT', 'bool', [20]),
  { ...unaryCase('LOGICAL_NOT', 'bool', [4, 3]), inPlace: true },
  select('int8', [2, 3], [2, 3], [2, 3], [2, 3]),
  select('int16', [3, 1], [1, 4], [3, 4], [3, 4]),
  select('float32', [1, 2, 1, 3, 1], [2, 1, 1, 3, 2], [2, 2, 1, 1, 1], [2, 2, 1, 3, 2]),
  divisors,
  { ...divisors, opcode: 'FLOOR_DIV', label: 'FLOOR_DIV signs and zeros' },
  ...['FLOOR_DIV', 'FLOOR_MOD'].flatMap((op) => [
    binaryCase(op, 'float32', [3, 4], [4]),
    { ...binaryCase(op, 'float32', [2, 1, 3], [1, 2, 1]), label: `${op} both broadcast` },
    { ...binaryCase(op, 'float32', [4, 3], [4, 1]), inPlace: true },
  ]),
];

/**
 * Ops whose output has another dtype than input 0 but the same size, in place behind a first op
 * making that input: RELU6 then LESS (int8 to bool), LOGICAL_NOT then SELECT_V2 (bool to int8).
 */
function crossTypeChains(): RawCase {
  const mb = new ModelBuilder();
  const qi = { scale: [0.05], zeroPoint: [3] };
  const feeds: Uint8Array[] = [];
  const input = (dtype: DType, shape: number[], quant?: typeof qi) => {
    feeds.push(
      encodeValues(
        dtype,
        randomValues(
          dtype,
          shape.reduce((a, b) => a * b, 1),
        ),
      ),
    );
    return mb.addInput({ dtype, shape, quant });
  };
  const x = input('int8', [4, 5], qi);
  const y = input('int8', [5], qi);
  const relu = mb.addTensor({ dtype: 'int8', shape: [4, 5], quant: qi });
  const less = mb.addTensor({ dtype: 'bool', shape: [4, 5] });
  mb.addOperator('RELU6', [x], [relu], {});
  mb.addOperator('LESS', [relu, y], [less], {});
  const c = input('bool', [4, 5]);
  const [a, b] = [input('int8', [4, 5]), input('int8', [5])];
  const not = mb.addTensor({ dtype: 'bool', shape: [4, 5] });
  const picked = mb.addTensor({ dtype: 'int8', shape: [4, 5] });
  mb.addOperator('LOGICAL_NOT', [c], [not], {});
  mb.addOperator('SELECT_V2', [not, a, b], [picked], {});
  mb.markOutputs(less, picked);
  return { label: 'cross-type chains', bytes: mb.build(), inputs: feeds };
}

describe.skipIf(!hostCcAvailable)('C: comparisons / logical / SELECT_V2 / FLOOR_DIV / FLOOR_MOD', () => {
  it('every case matches the interpreter byte for byte', { timeout: 120_000 }, async () => {
    const outcome = await runCases([...CASES, crossTypeChains()]);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.notInPlace).toEqual([]);
    expect(outcome.inPlaceCalls.at(-1)).toEqual(['tf_less_s8', 'tf_select_v2_s8']);
  });
});
