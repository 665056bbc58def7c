/** ARG_MAX and ARG_MIN in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, int32Const, oneOp, q, values } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

function arg(opcode: string, dtype: DType, shape: number[], axis: number, given?: number[]): NativeCase {
  const rank = shape.length;
  const a = axis < 0 ? axis + rank : axis;
  const quant = dtype === 'int8' ? q(0.1, 3) : undefined;
  return oneOp(
    `${opcode} ${dtype} [${shape}] axis ${axis}${given ? ' ties' : ''}`,
    opcode,
    [input(dtype, shape, quant, given), int32Const([axis])],
    { dtype: 'int32', shape: shape.filter((_, i) => i !== a) },
    { outputType: 'int32' },
  );
}

// Few distinct values so ties are common: the first index must win.
const ties = (n: number) => values('int8', [n], 2);

const CASES: NativeCase[] = [
  arg('ARG_MAX', 'int8', [2, 10], -1, ties(20)),
  arg('ARG_MAX', 'int8', [3, 4, 5], 1),
  arg('ARG_MAX', 'float32', [4, 3, 2], 0),
  arg('ARG_MAX', 'float32', [1, 1001], 1),
  arg('ARG_MIN', 'int8', [3, 4, 5], 2, ties(60)),
  arg('ARG_MIN', 'int8', [6], 0),
  arg('ARG_MIN', 'float32', [2, 3, 4, 2], -2),
];

describe.skipIf(!hostCcAvailable)('C: ARG_MAX / ARG_MIN', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_arg_max_s8']);
    expect(kernelCalls(results[6])).toEqual(['tf_arg_min_f32']);
  });
});
