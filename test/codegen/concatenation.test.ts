/** CONCATENATION, PACK, UNPACK, SPLIT, SPLIT_V in generated C (tf_concat_chunks / tf_split_chunks) vs the interpreter. */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { kernelCalls, mismatches, opCase, runBoth } from './shape-group-support.js';

const t = (dtype: DType, shape: number[]) => ({ dtype, shape });
const q = (zeroPoint: number, scale = 0.5) => ({ scale, zeroPoint });
const ints = (values: number[]) => ({ dtype: 'int32' as const, shape: [values.length], data: values });

const CASES = [
  opCase(
    'concat int8 axis 1, a constant part, differing zero points copied raw',
    'CONCATENATION',
    [
      { ...t('int8', [2, 3, 2]), quant: q(-128) },
      { ...t('int8', [2, 1, 2]), quant: q(5), data: [1, -2, 3, -4] },
      { ...t('int8', [2, 4, 2]), quant: q(127, 0.25) },
    ],
    [{ ...t('int8', [2, 8, 2]), quant: q(0) }],
    { axis: 1, fusedActivationFunction: 'NONE' },
  ),
  opCase(
    'concat float32 axis 0',
    'CONCATENATION',
    [t('float32', [1, 3]), t('float32', [2, 3])],
    [t('float32', [3, 3])],
    { axis: 0, fusedActivationFunction: 'NONE' },
  ),
  opCase(
    'concat int16 axis -1 of rank 4',
    'CONCATENATION',
    [t('int16', [1, 2, 3, 5]), t('int16', [1, 2, 3, 1]), t('int16', [1, 2, 3, 2])],
    [t('int16', [1, 2, 3, 8])],
    { axis: -1, fusedActivationFunction: 'NONE' },
  ),
  opCase('concat int32 one input', 'CONCATENATION', [t('int32', [4])], [t('int32', [4])], {
    axis: 0,
    fusedActivationFunction: 'NONE',
  }),
  opCase('pack int8 axis 0', 'PACK', [t('int8', [2, 3]), t('int8', [2, 3])], [t('int8', [2, 2, 3])], {
    valuesCount: 2,
    axis: 0,
  }),
  opCase(
    'pack float32 axis 1',
    'PACK',
    [t('float32', [4, 2]), t('float32', [4, 2]), t('float32', [4, 2])],
    [t('float32', [4, 3, 2])],
    { valuesCount: 3, axis: 1 },
  ),
  opCase('pack int16 last axis', 'PACK', [t('int16', [3]), t('int16', [3])], [t('int16', [3, 2])], {
    valuesCount: 2,
    axis: -1,
  }),
  opCase(
    'unpack int8 axis 1',
    'UNPACK',
    [t('int8', [2, 3, 4])],
    [0, 1, 2].map(() => t('int8', [2, 4])),
    {
      num: 3,
      axis: 1,
    },
  ),
  opCase('unpack int64 axis 0', 'UNPACK', [t('int64', [2, 3])], [t('int64', [3]), t('int64', [3])], {
    num: 2,
    axis: 0,
  }),
  opCase(
    'split float32 axis 2 into 3',
    'SPLIT',
    [{ dtype: 'int32', shape: [], data: [2] }, t('float32', [2, 2, 6])],
    [0, 1, 2].map(() => t('float32', [2, 2, 2])),
    { numSplits: 3 },
  ),
  opCase(
    'split int16 axis -1',
    'SPLIT',
    [ints([-1]), t('int16', [3, 4])],
    [t('int16', [3, 2]), t('int16', [3, 2])],
    {
      numSplits: 2,
    },
  ),
  opCase(
    'split_v int8 uneven with -1',
    'SPLIT_V',
    [t('int8', [2, 7, 3]), ints([2, -1, 1]), { dtype: 'int32', shape: [], data: [1] }],
    [t('int8', [2, 2, 3]), t('int8', [2, 4, 3]), t('int8', [2, 1, 3])],
    { numSplits: 3 },
  ),
  opCase(
    'split_v int32 axis 0',
    'SPLIT_V',
    [t('int32', [5, 2]), ints([4, 1]), ints([0])],
    [t('int32', [4, 2]), t('int32', [1, 2])],
    { numSplits: 2 },
  ),
];

describe.skipIf(!hostCcAvailable)('C: concatenation / pack / split family', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    for (const r of results) {
      const calls = kernelCalls(r);
      expect(calls.includes('tf_concat_chunks') || calls.includes('tf_split_chunks')).toBe(true);
    }
  });
});
