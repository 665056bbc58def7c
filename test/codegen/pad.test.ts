/** PAD, PADV2 (runtime/kernels/pad.c) and MIRROR_PAD (tf_mapped_copy) in generated C vs the interpreter. */
import { describe, expect, it } from 'vitest';
import { foldPadAxes } from '../../src/codegen/c/ops/pad.js';
import type { PadParams } from '../../src/kernels/pad.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { kernelCalls, mismatches, type NativeCase, opCase, runBoth } from './shape-group-support.js';

const q = (zeroPoint: number) => ({ scale: 0.5, zeroPoint });
const paddings = (pairs: number[][]) => ({
  dtype: 'int32' as const,
  shape: [pairs.length, 2],
  data: pairs.flat(),
});
const padded = (shape: number[], pairs: number[][]) => shape.map((d, i) => d + pairs[i][0] + pairs[i][1]);

function pad(
  label: string,
  dtype: DType,
  shape: number[],
  pairs: number[][],
  zeroPoint?: number,
): NativeCase {
  const quant = zeroPoint === undefined ? undefined : q(zeroPoint);
  return opCase(
    label,
    'PAD',
    [{ dtype, shape, quant }, paddings(pairs)],
    [{ dtype, shape: padded(shape, pairs), quant }],
  );
}

function mirror(label: string, dtype: DType, shape: number[], pairs: number[][], mode: string): NativeCase {
  return opCase(
    label,
    'MIRROR_PAD',
    [{ dtype, shape }, paddings(pairs)],
    [{ dtype, shape: padded(shape, pairs) }],
    {
      mode,
    },
  );
}

const CASES = [
  pad(
    'int16 seanet-like [1,2,160,2] width 3+3',
    'int16',
    [1, 2, 160, 2],
    [
      [0, 0],
      [0, 0],
      [3, 3],
      [0, 0],
    ],
  ),
  pad(
    'int8 zero point -128 on every axis',
    'int8',
    [2, 3, 2],
    [
      [1, 0],
      [0, 2],
      [1, 1],
    ],
    -128,
  ),
  pad('int8 zero point 127, rank 1', 'int8', [5], [[2, 3]], 127),
  pad(
    'int8 zero point 3, rank 5',
    'int8',
    [2, 1, 2, 3, 2],
    [
      [0, 1],
      [1, 0],
      [0, 0],
      [2, 1],
      [0, 1],
    ],
    3,
  ),
  pad(
    'float32 leading axis only',
    'float32',
    [2, 3],
    [
      [1, 2],
      [0, 0],
    ],
  ),
  pad(
    'int32 no padding at all',
    'int32',
    [2, 2],
    [
      [0, 0],
      [0, 0],
    ],
  ),
  pad(
    'int16 innermost padding',
    'int16',
    [3, 4],
    [
      [0, 0],
      [1, 2],
    ],
  ),
  opCase(
    'padv2 float32 value 1.5 from a graph input',
    'PADV2',
    [
      { dtype: 'float32', shape: [2, 2] },
      paddings([
        [1, 1],
        [0, 1],
      ]),
      { dtype: 'float32', shape: [], values: [1.5] },
    ],
    [{ dtype: 'float32', shape: [4, 3] }],
  ),
  opCase(
    'padv2 int16 constant value 0x0102',
    'PADV2',
    [
      { dtype: 'int16', shape: [3], quant: q(0) },
      paddings([[2, 1]]),
      { dtype: 'int16', shape: [1], data: [258], quant: q(0) },
    ],
    [{ dtype: 'int16', shape: [6], quant: q(0) }],
  ),
  opCase(
    'padv2 int8 constant value with the output zero point',
    'PADV2',
    [
      { dtype: 'int8', shape: [2, 2], quant: q(-5) },
      paddings([
        [0, 1],
        [1, 0],
      ]),
      { dtype: 'int8', shape: [], data: [-7], quant: q(-5) },
    ],
    [{ dtype: 'int8', shape: [3, 3], quant: q(-5) }],
  ),
  mirror(
    'mirror reflect int8 [3,4]',
    'int8',
    [3, 4],
    [
      [2, 1],
      [3, 3],
    ],
    'REFLECT',
  ),
  mirror(
    'mirror symmetric float32 [2,3,2]',
    'float32',
    [2, 3, 2],
    [
      [1, 2],
      [3, 0],
      [0, 0],
    ],
    'SYMMETRIC',
  ),
  mirror(
    'mirror reflect int16 NHWC spatial only',
    'int16',
    [1, 4, 5, 3],
    [
      [0, 0],
      [1, 1],
      [2, 2],
      [0, 0],
    ],
    'REFLECT',
  ),
  mirror(
    'mirror symmetric int32 no padding',
    'int32',
    [2, 3],
    [
      [0, 0],
      [0, 0],
    ],
    'SYMMETRIC',
  ),
];

const params = (inputShape: number[], outputShape: number[], left: number[]): PadParams => ({
  width: 2,
  input: 0,
  output: 1,
  padValueTensor: -1,
  padValue: 0,
  inputShape,
  outputShape,
  left,
});

describe('PAD emitter: axis folding', () => {
  it('folds trailing unpadded axes into rows and drops unpadded unit axes', () => {
    expect(foldPadAxes(params([1, 1, 2, 160, 2], [1, 1, 2, 166, 2], [0, 0, 0, 3, 0]))).toEqual([
      { n: 1, left: 0, right: 0 },
      { n: 1, left: 0, right: 0 },
      { n: 1, left: 0, right: 0 },
      { n: 2, left: 0, right: 0 },
      { n: 320, left: 6, right: 6 },
    ]);
    expect(foldPadAxes(params([1, 1, 2, 3, 4], [1, 1, 3, 3, 5], [0, 0, 1, 0, 0]))).toEqual([
      { n: 1, left: 0, right: 0 },
      { n: 1, left: 0, right: 0 },
      { n: 2, left: 1, right: 0 },
      { n: 3, left: 0, right: 0 },
      { n: 4, left: 0, right: 1 },
    ]);
  });
});

describe.skipIf(!hostCcAvailable)('C: PAD / PADV2 / MIRROR_PAD', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(results[0].source).toMatch(/\.in_shape = \{1, 1, 1, 2, 320\}/);
    expect(kernelCalls(results[10])).toEqual(['tf_mapped_copy']);
    // No padding: every map is the identity, so the copy is strided (one run).
    expect(kernelCalls(results[13])).toEqual(['tf_strided_copy']);
  });
});
