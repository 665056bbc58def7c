/** CUMSUM in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, int32Const, oneOp, q } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

function cumsum(
  dtype: DType,
  shape: number[],
  axis: number,
  exclusive: boolean,
  reverse: boolean,
): NativeCase {
  const quant = dtype === 'int8' ? [q(0.05, -3), q(0.4, 7)] : [];
  return oneOp(
    `CUMSUM ${dtype} [${shape}] axis ${axis}${exclusive ? ' exclusive' : ''}${reverse ? ' reverse' : ''}`,
    'CUMSUM',
    [input(dtype, shape, quant[0]), int32Const([axis])],
    { dtype, shape, quant: quant[1] },
    { exclusive, reverse },
  );
}

const CASES: NativeCase[] = [
  cumsum('float32', [2, 3, 4], 1, false, false),
  cumsum('float32', [2, 3, 4], -1, true, false),
  cumsum('float32', [3, 5], 0, false, true),
  cumsum('float32', [2, 3, 4], 1, true, true),
  cumsum('int8', [2, 3, 4], 1, false, false),
  cumsum('int8', [2, 3, 4], 2, true, false),
  cumsum('int8', [4, 6], 0, false, true),
  cumsum('int8', [2, 3, 4], 0, true, true),
];

describe.skipIf(!hostCcAvailable)('C: CUMSUM', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_cumsum_f32']);
    expect(kernelCalls(results[4])).toEqual(['tf_cumsum_s8']);
  });
});
