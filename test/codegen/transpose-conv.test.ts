/**
 * TRANSPOSE_CONV: the generated C (a gather in the reference scatter's order) equals the TS
 * interpreter byte for byte — int8 with per-channel scales, zero points at the limits, SAME
 * and VALID with unequal strides; 16x8 with int16/int64/no bias; float32.
 */
import { describe, expect, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { type ConvSpec, convCase, convOptions } from './conv-group-support.js';
import { mismatches, runBoth } from './shape-group-support.js';

const base = { op: 'TRANSPOSE_CONV' as const, dtype: 'int8' as const };

const SPECS: Record<string, ConvSpec> = {
  'int8 3x3 SAME s2, 6 channels': {
    ...base,
    input: [1, 4, 5, 3],
    filter: [6, 3, 3, 3],
    output: [1, 8, 10, 6],
    options: convOptions({ padding: 'SAME', stride: [2, 2] }),
    perChannel: true,
    inputZeroPoint: -128,
    outputZeroPoint: 127,
  },
  'int8 3x4 VALID stride 1x2, 2 batches, no bias': {
    ...base,
    input: [2, 3, 5, 4],
    filter: [4, 3, 4, 4],
    output: [2, 5, 12, 4],
    options: convOptions({ stride: [1, 2] }),
    bias: 'none',
    inputZeroPoint: 127,
    outputZeroPoint: -128,
  },
  'int8 2x2 SAME stride 3 (gaps between taps), filter input': {
    ...base,
    input: [1, 3, 3, 5],
    filter: [5, 2, 2, 5],
    output: [1, 9, 9, 5],
    options: convOptions({ padding: 'SAME', stride: [3, 3] }),
    inputZeroPoint: 12,
    filterInput: true,
  },
  'int16 int64 bias, 3x4 VALID stride 1x2': {
    ...base,
    dtype: 'int16',
    input: [1, 1, 5, 8],
    filter: [8, 3, 4, 8],
    output: [1, 3, 12, 8],
    options: convOptions({ stride: [1, 2] }),
    perChannel: true,
  },
  'int16 int16 bias, SAME s2': {
    ...base,
    dtype: 'int16',
    input: [1, 3, 4, 4],
    filter: [3, 3, 3, 4],
    output: [1, 6, 8, 3],
    options: convOptions({ padding: 'SAME', stride: [2, 2] }),
    bias: 'int16',
  },
  'int16 no bias, 4x4 VALID s2': {
    ...base,
    dtype: 'int16',
    input: [1, 2, 3, 4],
    filter: [5, 4, 4, 4],
    output: [1, 6, 8, 5],
    options: convOptions({ stride: [2, 2] }),
    bias: 'none',
  },
  'float32 3x3 SAME s2, RELU6': {
    ...base,
    dtype: 'float32',
    input: [2, 3, 4, 3],
    filter: [5, 3, 3, 3],
    output: [2, 6, 8, 5],
    options: convOptions({ padding: 'SAME', stride: [2, 2], act: 'RELU6' }),
  },
  'float32 no bias, VALID stride 2x1': {
    ...base,
    dtype: 'float32',
    input: [1, 4, 3, 6],
    filter: [4, 3, 2, 6],
    output: [1, 9, 4, 4],
    options: convOptions({ stride: [2, 1] }),
    bias: 'none',
  },
};

describe.skipIf(!hostCcAvailable)('TRANSPOSE_CONV: generated C vs TS interpreter', () => {
  it('agrees byte for byte on every configuration', { timeout: 120_000 }, async () => {
    const labels = Object.keys(SPECS);
    const results = await runBoth(labels.map((l) => convCase(l, SPECS[l])));
    expect(mismatches(results)).toEqual([]);
  });
});
