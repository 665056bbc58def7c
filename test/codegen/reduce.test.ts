/** MEAN, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import { collapseDims } from '../../src/codegen/c/ops/reduce-common.js';
import type { ReducePlan } from '../../src/kernels/common/reduce.js';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, int32Const, oneOp, q, values } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

function reduce(
  opcode: string,
  dtype: DType,
  shape: number[],
  axes: number[],
  outShape: number[],
  quant: [QuantSpec, QuantSpec] | [] = [],
  given?: number[],
): NativeCase {
  return oneOp(
    `${opcode} ${dtype} [${shape}] axes [${axes}]`,
    opcode,
    [input(dtype, shape, quant[0], given), int32Const(axes)],
    { dtype, shape: outShape, quant: quant[1] },
    { keepDims: false },
  );
}

const same8: [QuantSpec, QuantSpec] = [q(0.1, -7), q(0.1, -7)];

const CASES: NativeCase[] = [
  // 0-7: MEAN (the first is a global average over H and W, as in image classifiers).
  reduce('MEAN', 'int8', [1, 4, 5, 16], [1, 2], [1, 1, 1, 16], [q(0.05, -128), q(0.02, 5)]),
  reduce('MEAN', 'int8', [2, 3, 4], [-1], [2, 3], [q(0.05, 127), q(0.03, -100)]),
  reduce('MEAN', 'int8', [2, 3, 4, 5], [0, 2], [3, 5], [q(0.05, 3), q(0.05, 3)]),
  reduce('MEAN', 'int16', [3, 4, 5], [1], [3, 5], [q(0.001, 0), q(0.0007, 0)]),
  reduce('MEAN', 'float32', [2, 3, 4, 5], [1, 3], [2, 4]),
  reduce('MEAN', 'float32', [1, 7, 7, 8], [2, 1, 2], [8]),
  reduce('MEAN', 'int8', [2, 1, 3, 2, 4], [1, 3], [2, 3, 4], [q(0.05, 0), q(0.04, 1)]),
  reduce('MEAN', 'float32', [3, 4], [0, 1], [1]),
  // 8-11: SUM.
  reduce('SUM', 'int8', [2, 3, 4], [1], [2, 4], [q(0.05, 10), q(0.2, -3)]),
  reduce('SUM', 'int16', [4, 6], [0], [6], [q(0.001, 0), q(0.004, 0)]),
  reduce('SUM', 'float32', [2, 3, 4], [0, 2], [3]),
  reduce('SUM', 'int8', [0, 3], [0], [3], [q(0.05, 10), q(0.2, -3)]),
  // 12-15: REDUCE_MAX / REDUCE_MIN.
  reduce('REDUCE_MAX', 'int8', [2, 3, 4, 5], [1, 3], [2, 4], same8),
  reduce('REDUCE_MAX', 'float32', [3, 4, 5], [2], [3, 4]),
  reduce('REDUCE_MIN', 'int8', [4, 4], [0], [4], same8),
  reduce('REDUCE_MIN', 'float32', [2, 3, 4], [0, 1, 2], []),
  // 16-20: REDUCE_PROD (small quantized values so products stay in range).
  reduce('REDUCE_PROD', 'float32', [2, 3, 4], [1], [2, 4]),
  reduce('REDUCE_PROD', 'int8', [2, 3, 4], [2], [2, 3], [q(0.02, 3), q(0.004, -2)], values('int8', [24], 40)),
  reduce('REDUCE_PROD', 'int8', [2, 3, 4], [0], [3, 4], [q(0.05, -1), q(0.04, 0)], values('int8', [24], 40)),
  reduce(
    'REDUCE_PROD',
    'int8',
    [2, 3, 2, 2],
    [0, 2],
    [3, 2],
    [q(0.03, 0), q(0.006, 4)],
    values('int8', [24], 30),
  ),
  reduce(
    'REDUCE_PROD',
    'int16',
    [3, 5],
    [1],
    [3],
    [q(0.0005, 0), q(0.00025, 0)],
    values('int16', [15], 3000),
  ),
];

const plan = (inputShape: number[], outStrides: number[]): ReducePlan => ({
  inputShape,
  axes: [],
  outStrides,
  outputCount: 0,
  reduceCount: 0,
  inputCount: 0,
});

describe('reduction emitter: dimension collapsing', () => {
  it('drops unit dimensions and merges neighbours of the same kind', () => {
    // [2, 1, 3, 2, 4] over axes 1 and 3: kept 2, (unit), kept 3, reduced 2, kept 4.
    expect(collapseDims(plan([2, 1, 3, 2, 4], [12, 0, 4, 0, 1]))).toEqual({
      shape: [6, 2, 4],
      outStrides: [4, 0, 1],
    });
    expect(collapseDims(plan([1, 4, 5, 16], [0, 0, 0, 1]))).toEqual({ shape: [20, 16], outStrides: [0, 1] });
    expect(collapseDims(plan([1, 1], [0, 0]))).toEqual({ shape: [1], outStrides: [1] });
  });
});

describe.skipIf(!hostCcAvailable)('C: MEAN / SUM / REDUCE_MAX / REDUCE_MIN / REDUCE_PROD', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_reduce_sum_s8']);
    expect(kernelCalls(results[4])).toEqual(['tf_mean_f32']);
    expect(kernelCalls(results[12])).toEqual(['tf_reduce_max_s8']);
    expect(kernelCalls(results[15])).toEqual(['tf_reduce_min_f32']);
    expect(kernelCalls(results[20])).toEqual(['tf_reduce_prod_s16']);
    expect(results[0].source).toMatch(/\.rank = 2, \.shape = \{20, 16, 0, 0, 0, 0, 0, 0\}/);
  });
});
