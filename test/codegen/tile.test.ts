/**
 * TILE, BROADCAST_TO, REVERSE_V2 (index maps: tf_strided_copy when affine, else tf_mapped_copy)
 * in generated C vs the interpreter, and the emitter's choice between the two.
 */
import { describe, expect, it } from 'vitest';
import type { CopyAxis } from '../../src/codegen/c/ops/shape-copy.js';
import { mergeAxes } from '../../src/codegen/c/ops/shape-copy.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { kernelCalls, mismatches, type NativeCase, opCase, runBoth } from './shape-group-support.js';

const ints = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });

function tile(dtype: DType, shape: number[], multiples: number[]): NativeCase {
  return opCase(
    `tile ${dtype} [${shape}] x [${multiples}]`,
    'TILE',
    [{ dtype, shape }, ints(multiples)],
    [{ dtype, shape: shape.map((d, i) => d * multiples[i]) }],
  );
}

function broadcast(dtype: DType, shape: number[], to: number[]): NativeCase {
  return opCase(
    `broadcast ${dtype} [${shape}] to [${to}]`,
    'BROADCAST_TO',
    [{ dtype, shape }, ints(to)],
    [{ dtype, shape: to }],
  );
}

function reverse(dtype: DType, shape: number[], axes: number[]): NativeCase {
  return opCase(
    `reverse ${dtype} [${shape}] axes [${axes}]`,
    'REVERSE_V2',
    [{ dtype, shape }, ints(axes)],
    [{ dtype, shape }],
  );
}

const CASES = [
  tile('int8', [2, 3], [2, 1]),
  tile('float32', [3], [4]),
  tile('int16', [2, 1, 3], [1, 5, 2]),
  tile('int8', [2, 3, 2, 2], [2, 2, 2, 2]),
  tile('int64', [2, 2], [2, 3]),
  broadcast('int8', [3, 1], [2, 3, 4]),
  broadcast('float32', [], [2, 2]),
  broadcast('int16', [1, 4], [3, 4]),
  broadcast('int32', [2, 1, 3, 1, 2], [2, 2, 3, 2, 2]),
  reverse('int8', [2, 3, 4], [1]),
  reverse('float32', [5], [0]),
  reverse('int16', [2, 3, 4], [0, 2]),
  reverse('int32', [1, 3, 2, 2], [-1, 1]),
];

const axis = (count: number, step: number): CopyAxis => ({ count, step });

describe('shape-copy: axis merging', () => {
  it('drops unit axes and folds evenly stepping neighbours, including reversed and repeated ones', () => {
    expect(mergeAxes([axis(1, 99), axis(2, 12), axis(3, 4), axis(4, 1)])).toEqual([axis(24, 1)]);
    expect(mergeAxes([axis(2, -3), axis(3, -1)])).toEqual([axis(6, -1)]);
    expect(mergeAxes([axis(2, 0), axis(3, 0)])).toEqual([axis(6, 0)]);
    expect(mergeAxes([axis(2, 1), axis(3, 2)])).toEqual([axis(2, 1), axis(3, 2)]);
    expect(mergeAxes([axis(4, 6), axis(2, 1)])).toEqual([axis(4, 6), axis(2, 1)]);
  });
});

describe.skipIf(!hostCcAvailable)('C: TILE / BROADCAST_TO / REVERSE_V2', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    const calls = results.map((r) => kernelCalls(r).join());
    // A tile of every axis of a rank-4 tensor needs 8 affine axes: tabulated instead.
    expect(calls[3]).toBe('tf_mapped_copy');
    expect(calls.filter((c) => c === 'tf_strided_copy')).toHaveLength(CASES.length - 1);
  });
});
