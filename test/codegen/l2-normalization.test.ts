/** L2_NORMALIZATION in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, oneOp, q, values } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

function l2(
  label: string,
  dtype: 'int8' | 'float32',
  shape: number[],
  zeroPoint = 0,
  given?: number[],
): NativeCase {
  const inQ = dtype === 'int8' ? q(0.05, zeroPoint) : undefined;
  const outQ = dtype === 'int8' ? q(1 / 128, 0) : undefined;
  return oneOp(
    `L2_NORMALIZATION ${dtype} [${shape}] ${label}`,
    'L2_NORMALIZATION',
    [input(dtype, shape, inQ, given)],
    {
      dtype,
      shape,
      quant: outQ,
    },
  );
}

const n = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

const CASES: NativeCase[] = [
  l2('random', 'int8', [4, 16], -7),
  // Rows at the zero point (sum of squares 0), one step off it (1), and tiny values.
  l2('near zero', 'int8', [3, 3], 5, [5, 5, 5, 6, 5, 5, 4, 6, 5]),
  l2('large rows', 'int8', [2, 200], -128),
  l2('small values', 'int8', [5, 8], 0, values('int8', [40], 3)),
  l2('random', 'float32', [2, 3, 8]),
  l2('zeros and tiny', 'float32', [2, 4], 0, [0, 0, 0, 0, 1e-8, -2e-8, 0, 1e-9]),
  l2('rank 4', 'float32', [1, 2, 2, 33], 0, values('float32', [n([1, 2, 2, 33])], 100)),
];

describe.skipIf(!hostCcAvailable)('C: L2_NORMALIZATION', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_l2_normalization_s8']);
    expect(kernelCalls(results[4])).toEqual(['tf_l2_normalization_f32']);
  });
});
