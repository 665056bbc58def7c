/**
 * CONV_2D: the generated C equals the TS interpreter byte for byte — int8 folded (constant
 * filter) and plain (filter input) paths over padding borders, strides, dilations, groups and
 * channel counts that leave a remainder after the 4-channel blocks; int4, 16x8, float32.
 */
import { describe, expect, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { type ConvSpec, convCase, convOptions } from './conv-group-support.js';
import { mismatches, runBoth } from './shape-group-support.js';

const base = { op: 'CONV_2D' as const, dtype: 'int8' as const };

const SPECS: Record<string, ConvSpec> = {
  'int8 3x3 SAME s1, 6 channels, RELU6': {
    ...base,
    input: [1, 7, 9, 5],
    filter: [6, 3, 3, 5],
    output: [1, 7, 9, 6],
    options: convOptions({ padding: 'SAME', act: 'RELU6' }),
    perChannel: true,
    inputZeroPoint: -128,
    outputZeroPoint: -128,
  },
  'int8 4x3 SAME s2 (odd padding), 2 batches': {
    ...base,
    input: [2, 8, 7, 3],
    filter: [9, 4, 3, 3],
    output: [2, 4, 4, 9],
    options: convOptions({ padding: 'SAME', stride: [2, 2] }),
    inputZeroPoint: 127,
    outputZeroPoint: 5,
  },
  'int8 3x3 SAME dilation 2x3, RELU': {
    ...base,
    input: [1, 9, 10, 4],
    filter: [5, 3, 3, 4],
    output: [1, 9, 10, 5],
    options: convOptions({ padding: 'SAME', dilation: [2, 3], act: 'RELU' }),
    perChannel: true,
    inputZeroPoint: 3,
  },
  'int8 VALID 2x3 stride 3x2 dilation 2x1, no bias': {
    ...base,
    input: [1, 11, 9, 6],
    filter: [8, 2, 3, 6],
    output: [1, 3, 4, 8],
    options: convOptions({ stride: [3, 2], dilation: [2, 1] }),
    bias: 'none',
    inputZeroPoint: -7,
    outputZeroPoint: 127,
  },
  'int8 groups: 2 groups of 5 filters over 3 channels': {
    ...base,
    input: [1, 6, 6, 6],
    filter: [10, 3, 3, 3],
    output: [1, 6, 6, 10],
    options: convOptions({ padding: 'SAME' }),
    perChannel: true,
    inputZeroPoint: -20,
  },
  'int8 groups: 4 groups of 4 filters, stride 2': {
    ...base,
    input: [1, 7, 7, 8],
    filter: [16, 3, 3, 2],
    output: [1, 4, 4, 16],
    options: convOptions({ padding: 'SAME', stride: [2, 2] }),
    inputZeroPoint: 11,
  },
  'int8 groups: 3 groups of 3 filters, odd pixel count, dilation': {
    ...base,
    input: [1, 5, 5, 6],
    filter: [9, 3, 3, 2],
    output: [1, 5, 5, 9],
    options: convOptions({ padding: 'SAME', dilation: [1, 2] }),
    perChannel: true,
    inputZeroPoint: 127,
  },
  'int8 1x1 s1 (pointwise)': {
    ...base,
    input: [1, 5, 6, 37],
    filter: [11, 1, 1, 37],
    output: [1, 5, 6, 11],
    options: convOptions({ padding: 'SAME', act: 'RELU6' }),
    perChannel: true,
    inputZeroPoint: -128,
  },
  'int8 1x1 s2': {
    ...base,
    input: [1, 7, 8, 16],
    filter: [8, 1, 1, 16],
    output: [1, 4, 4, 8],
    options: convOptions({ padding: 'SAME', stride: [2, 2] }),
    inputZeroPoint: 100,
  },
  'int8 filter as a graph input (plain path)': {
    ...base,
    input: [1, 5, 5, 3],
    filter: [6, 3, 3, 3],
    output: [1, 5, 5, 6],
    options: convOptions({ padding: 'SAME' }),
    perChannel: true,
    inputZeroPoint: -50,
    filterInput: true,
  },
  'int8 10x4 kernel over a 1-channel input (kws first layer)': {
    ...base,
    input: [1, 13, 10, 1],
    filter: [8, 10, 4, 1],
    output: [1, 7, 5, 8],
    options: convOptions({ padding: 'SAME', stride: [2, 2], act: 'RELU' }),
    perChannel: true,
    inputZeroPoint: 83,
  },
  'int4 filter, SAME': {
    ...base,
    input: [1, 5, 6, 4],
    filter: [5, 3, 3, 4],
    output: [1, 5, 6, 5],
    options: convOptions({ padding: 'SAME' }),
    perChannel: true,
    int4: true,
    inputZeroPoint: -3,
  },
  'int16 int64 bias, SAME s2': {
    ...base,
    dtype: 'int16',
    input: [1, 6, 7, 5],
    filter: [6, 3, 3, 5],
    output: [1, 3, 4, 6],
    options: convOptions({ padding: 'SAME', stride: [2, 2] }),
    perChannel: true,
  },
  'int16 int32 bias, dilation, RELU': {
    ...base,
    dtype: 'int16',
    input: [1, 7, 7, 4],
    filter: [5, 2, 3, 4],
    output: [1, 7, 7, 5],
    options: convOptions({ padding: 'SAME', dilation: [2, 2], act: 'RELU' }),
    bias: 'int32',
  },
  'int16 no bias, groups': {
    ...base,
    dtype: 'int16',
    input: [1, 5, 5, 6],
    filter: [4, 3, 3, 3],
    output: [1, 3, 3, 4],
    options: convOptions({}),
    bias: 'none',
  },
  'float32 3x3 SAME s2 dilation, RELU_N1_TO_1': {
    ...base,
    dtype: 'float32',
    input: [2, 7, 6, 3],
    filter: [5, 3, 3, 3],
    output: [2, 4, 3, 5],
    options: convOptions({ padding: 'SAME', stride: [2, 2], act: 'RELU_N1_TO_1' }),
  },
  'float32 3x3 SAME s1, 9 channels (blocks, pairs, borders)': {
    ...base,
    dtype: 'float32',
    input: [1, 6, 7, 4],
    filter: [9, 3, 3, 4],
    output: [1, 6, 7, 9],
    options: convOptions({ padding: 'SAME', act: 'RELU6' }),
  },
  'float32 filter as a graph input': {
    ...base,
    dtype: 'float32',
    input: [1, 5, 5, 3],
    filter: [4, 2, 2, 3],
    output: [1, 5, 5, 4],
    options: convOptions({ padding: 'SAME' }),
    filterInput: true,
  },
  'float32 no bias, groups, VALID': {
    ...base,
    dtype: 'float32',
    input: [1, 6, 6, 4],
    filter: [6, 2, 2, 2],
    output: [1, 5, 5, 6],
    options: convOptions({}),
    bias: 'none',
  },
};

describe.skipIf(!hostCcAvailable)('CONV_2D: generated C vs TS interpreter', () => {
  it('agrees byte for byte on every configuration', { timeout: 120_000 }, async () => {
    const labels = Object.keys(SPECS);
    const results = await runBoth(labels.map((l) => convCase(l, SPECS[l])));
    expect(mismatches(results)).toEqual([]);
    const source = (label: string) => results[labels.indexOf(label)].source;
    expect(source('int8 1x1 s1 (pointwise)')).toMatch(/folded_bias = \w+_folded_bias/);
    expect(source('int8 filter as a graph input (plain path)')).toMatch(/folded_bias = NULL/);
    expect(source('int4 filter, SAME')).toMatch(/tf_conv_2d_s8_int4\(/);
  });
});
