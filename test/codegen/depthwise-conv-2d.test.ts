/**
 * DEPTHWISE_CONV_2D: the generated C equals the TS interpreter byte for byte — int8 folded and
 * plain paths with depth multipliers 1 (4 adjacent channels + remainder), 4k (shared input)
 * and others (per channel), padding borders, strides, dilations; int4, 16x8, float32.
 */
import { describe, expect, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { type ConvSpec, convCase, convOptions } from './conv-group-support.js';
import { mismatches, runBoth } from './shape-group-support.js';

const base = { op: 'DEPTHWISE_CONV_2D' as const, dtype: 'int8' as const };

const SPECS: Record<string, ConvSpec> = {
  'int8 dm1 3x3 SAME s1, 6 channels, RELU6': {
    ...base,
    input: [1, 6, 7, 6],
    filter: [1, 3, 3, 6],
    output: [1, 6, 7, 6],
    options: convOptions({ padding: 'SAME', depthMultiplier: 1, act: 'RELU6' }),
    perChannel: true,
    inputZeroPoint: -128,
    outputZeroPoint: -128,
  },
  'int8 dm1 3x3 SAME s2, 2 batches': {
    ...base,
    input: [2, 7, 8, 8],
    filter: [1, 3, 3, 8],
    output: [2, 4, 4, 8],
    options: convOptions({ padding: 'SAME', stride: [2, 2], depthMultiplier: 1 }),
    inputZeroPoint: 127,
    outputZeroPoint: 3,
  },
  'int8 dm1 SAME dilation 2x3, 5 channels': {
    ...base,
    input: [1, 9, 9, 5],
    filter: [1, 3, 2, 5],
    output: [1, 9, 9, 5],
    options: convOptions({ padding: 'SAME', dilation: [2, 3], depthMultiplier: 1, act: 'RELU' }),
    perChannel: true,
    inputZeroPoint: 17,
  },
  'int8 dm8 over 1 channel, 3x3 SAME s2 (person_detect first layer)': {
    ...base,
    input: [1, 9, 10, 1],
    filter: [1, 3, 3, 8],
    output: [1, 5, 5, 8],
    options: convOptions({ padding: 'SAME', stride: [2, 2], depthMultiplier: 8, act: 'RELU6' }),
    perChannel: true,
    inputZeroPoint: -1,
  },
  'int8 dm4 over 2 channels, 10x8 SAME s2 (micro_speech)': {
    ...base,
    input: [1, 13, 12, 2],
    filter: [1, 10, 8, 8],
    output: [1, 7, 6, 8],
    options: convOptions({ padding: 'SAME', stride: [2, 2], depthMultiplier: 4, act: 'RELU' }),
    perChannel: true,
    inputZeroPoint: 40,
  },
  'int8 dm3 VALID stride 2x1, no bias': {
    ...base,
    input: [1, 7, 6, 3],
    filter: [1, 2, 3, 9],
    output: [1, 3, 4, 9],
    options: convOptions({ stride: [2, 1], depthMultiplier: 3 }),
    bias: 'none',
    inputZeroPoint: -90,
    outputZeroPoint: 127,
  },
  'int8 filter as a graph input (plain path)': {
    ...base,
    input: [1, 5, 5, 4],
    filter: [1, 3, 3, 4],
    output: [1, 5, 5, 4],
    options: convOptions({ padding: 'SAME', depthMultiplier: 1 }),
    perChannel: true,
    inputZeroPoint: 60,
    filterInput: true,
  },
  'int4 filter, SAME': {
    ...base,
    input: [1, 5, 6, 6],
    filter: [1, 3, 3, 6],
    output: [1, 5, 6, 6],
    options: convOptions({ padding: 'SAME', depthMultiplier: 1 }),
    perChannel: true,
    int4: true,
    inputZeroPoint: -9,
  },
  'int16 int64 bias, SAME s2, dm2': {
    ...base,
    dtype: 'int16',
    input: [1, 6, 7, 3],
    filter: [1, 3, 3, 6],
    output: [1, 3, 4, 6],
    options: convOptions({ padding: 'SAME', stride: [2, 2], depthMultiplier: 2 }),
    perChannel: true,
  },
  'int16 no bias, dilation': {
    ...base,
    dtype: 'int16',
    input: [1, 7, 7, 4],
    filter: [1, 2, 3, 4],
    output: [1, 7, 7, 4],
    options: convOptions({ padding: 'SAME', dilation: [2, 2], depthMultiplier: 1, act: 'RELU6' }),
    bias: 'none',
  },
  'float32 3x3 SAME s2, dm2, RELU': {
    ...base,
    dtype: 'float32',
    input: [2, 7, 6, 3],
    filter: [1, 3, 3, 6],
    output: [2, 4, 3, 6],
    options: convOptions({ padding: 'SAME', stride: [2, 2], depthMultiplier: 2, act: 'RELU' }),
  },
  'float32 no bias, dilation, VALID': {
    ...base,
    dtype: 'float32',
    input: [1, 8, 8, 5],
    filter: [1, 2, 2, 5],
    output: [1, 5, 5, 5],
    options: convOptions({ dilation: [3, 3], depthMultiplier: 1 }),
    bias: 'none',
  },
};

describe.skipIf(!hostCcAvailable)('DEPTHWISE_CONV_2D: generated C vs TS interpreter', () => {
  it('agrees byte for byte on every configuration', { timeout: 120_000 }, async () => {
    const labels = Object.keys(SPECS);
    const results = await runBoth(labels.map((l) => convCase(l, SPECS[l])));
    expect(mismatches(results)).toEqual([]);
    const source = (label: string) => results[labels.indexOf(label)].source;
    expect(source('int8 dm1 3x3 SAME s2, 2 batches')).toMatch(/folded_bias = \w+_folded_bias/);
    expect(source('int8 filter as a graph input (plain path)')).toMatch(/folded_bias = NULL/);
    expect(source('int4 filter, SAME')).toMatch(/tf_depthwise_conv_2d_s8_int4\(/);
  });
});
