/**
 * TRANSPOSE, DEPTH_TO_SPACE, SPACE_TO_DEPTH (tf_strided_copy), BATCH_TO_SPACE_ND (tf_mapped_copy)
 * and SPACE_TO_BATCH_ND (runtime/kernels/space_to_batch_nd.c) in generated C vs the interpreter.
 */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { kernelCalls, mismatches, type NativeCase, opCase, runBoth } from './shape-group-support.js';

const ints = (values: number[], shape = [values.length]) => ({
  dtype: 'int32' as const,
  shape,
  data: values,
});

function transpose(dtype: DType, shape: number[], perm: number[]): NativeCase {
  return opCase(
    `transpose ${dtype} [${shape}] by [${perm}]`,
    'TRANSPOSE',
    [{ dtype, shape }, ints(perm)],
    [{ dtype, shape: perm.map((p) => shape[p]) }],
  );
}

function blocks(op: string, dtype: DType, shape: number[], out: number[], blockSize: number): NativeCase {
  return opCase(
    `${op} ${dtype} [${shape}] block ${blockSize}`,
    op,
    [{ dtype, shape }],
    [{ dtype, shape: out }],
    {
      blockSize,
    },
  );
}

function batchSpace(
  op: string,
  dtype: DType,
  shape: number[],
  out: number[],
  block: number[],
  amounts: number[],
) {
  const label = `${op} ${dtype} [${shape}] block [${block}] amounts [${amounts}]`;
  return opCase(
    label,
    op,
    [{ dtype, shape }, ints(block), ints(amounts, [block.length, 2])],
    [{ dtype, shape: out }],
  );
}

const CASES = [
  transpose('int8', [2, 3, 4], [2, 0, 1]),
  transpose('float32', [3, 5], [1, 0]),
  transpose('int16', [1, 4, 5, 3], [0, 3, 1, 2]),
  transpose('int32', [2, 3, 2, 2, 3], [4, 2, 0, 3, 1]),
  transpose('int8', [2, 3, 4], [0, 1, 2]),
  transpose('int64', [4, 2], [1, 0]),
  transpose('int8', [7], [0]),
  blocks('DEPTH_TO_SPACE', 'int8', [1, 2, 3, 8], [1, 4, 6, 2], 2),
  blocks('DEPTH_TO_SPACE', 'float32', [2, 1, 2, 9], [2, 3, 6, 1], 3),
  blocks('SPACE_TO_DEPTH', 'int8', [1, 4, 6, 2], [1, 2, 3, 8], 2),
  blocks('SPACE_TO_DEPTH', 'int16', [2, 3, 3, 1], [2, 1, 1, 9], 3),
  batchSpace('BATCH_TO_SPACE_ND', 'int8', [4, 2, 2, 3], [1, 4, 4, 3], [2, 2], [0, 0, 0, 0]),
  batchSpace('BATCH_TO_SPACE_ND', 'float32', [8, 2, 3, 2], [2, 3, 4, 2], [2, 2], [1, 0, 0, 2]),
  batchSpace('BATCH_TO_SPACE_ND', 'int16', [6, 3, 2], [2, 7, 2], [3], [1, 1]),
  batchSpace('BATCH_TO_SPACE_ND', 'int8', [6, 2, 2, 1], [1, 3, 3, 1], [2, 3], [0, 1, 2, 1]),
  batchSpace('SPACE_TO_BATCH_ND', 'int8', [1, 4, 4, 3], [4, 2, 2, 3], [2, 2], [0, 0, 0, 0]),
  batchSpace('SPACE_TO_BATCH_ND', 'float32', [2, 3, 4, 2], [8, 2, 3, 2], [2, 2], [1, 0, 0, 2]),
  batchSpace('SPACE_TO_BATCH_ND', 'int16', [2, 5, 2], [6, 3, 2], [3], [3, 1]),
];

describe.skipIf(!hostCcAvailable)('C: TRANSPOSE / depth-space / batch-space', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    const calls = results.map((r) => kernelCalls(r).join());
    expect(calls.slice(0, 11)).toEqual(new Array(11).fill('tf_strided_copy'));
    expect(calls.slice(11, 15)).toEqual(new Array(4).fill('tf_mapped_copy'));
    expect(calls.slice(15)).toEqual(new Array(3).fill('tf_space_to_batch_nd'));
  });
});
