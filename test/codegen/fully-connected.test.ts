/**
 * FULLY_CONNECTED: the generated C equals the TS interpreter — int8 (folded constant filter and
 * the plain loop for a non-constant one), per-channel, 16x8 with int32/int64 bias, float32.
 */
import { describe, it } from 'vitest';
import type { Activation, DType } from '../../src/tflite/schema.js';
import { randomFloats, randomInts, type T } from '../kernels/fc-group-support.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, type OpCase, runNative } from './fc-group-native.js';

interface Config {
  name: string;
  dtype: 'float32' | 'int8' | 'int16';
  batches: number;
  depth: number;
  units: number;
  inputZeroPoint?: number;
  filterZeroPoint?: number;
  perChannel?: boolean;
  bias?: 'none' | 'int32' | 'int64' | 'input';
  /** The filter is a graph input instead of a constant. */
  filterInput?: boolean;
  activation?: Activation;
  outputZeroPoint?: number;
}

function fcCase(c: Config, seed: number): OpCase {
  const float = c.dtype === 'float32';
  const [inScale, outScale] = c.dtype === 'int16' ? [1 / 1024, 1 / 512] : [0.05, 0.4];
  const wScales = c.perChannel ? randomFloats(c.units, 0.002, 0.02, seed) : [0.01];
  const q = (scale: number | number[], zeroPoint = 0) => (float ? undefined : { scale, zeroPoint });
  const filter: T = {
    dtype: float ? 'float32' : 'int8',
    shape: [c.units, c.depth],
    values: c.filterInput
      ? undefined
      : float
        ? randomFloats(c.units * c.depth, -1, 1, seed + 1)
        : randomInts(c.units * c.depth, -128, 127, seed + 1),
    quant: c.perChannel
      ? { scale: wScales, zeroPoint: wScales.map(() => 0), quantizedDimension: 0 }
      : q(wScales[0], c.filterZeroPoint ?? 0),
  };
  const biasDType: DType = float ? 'float32' : c.bias === 'int64' ? 'int64' : 'int32';
  const bias: T | null =
    (c.bias ?? 'int32') === 'none'
      ? null
      : {
          dtype: biasDType,
          shape: [c.units],
          values:
            c.bias === 'input'
              ? undefined
              : float
                ? randomFloats(c.units, -2, 2, seed + 2)
                : randomInts(c.units, -20000, 20000, seed + 2),
          quant: c.perChannel ? { scale: wScales.map((s) => s * inScale) } : q(inScale * wScales[0]),
        };
  return {
    name: c.name,
    opcode: 'FULLY_CONNECTED',
    inputs: [
      { dtype: c.dtype, shape: [c.batches, c.depth], quant: q(inScale, c.inputZeroPoint ?? 0) },
      filter,
      bias,
    ],
    output: { dtype: c.dtype, shape: [c.batches, c.units], quant: q(outScale, c.outputZeroPoint ?? 0) },
    options: { fusedActivationFunction: c.activation ?? 'NONE', weightsFormat: 'DEFAULT' },
    invokes: 2,
  };
}

describe.skipIf(!hostCcAvailable)('FULLY_CONNECTED: generated C vs TS interpreter', () => {
  it('agrees on int8 (folded and plain), per-channel, 16x8 and float32', async () => {
    const base = { batches: 3, depth: 37, units: 9 };
    const configs: Config[] = [
      { ...base, name: 's8', dtype: 'int8', inputZeroPoint: -128, outputZeroPoint: 5 },
      { ...base, name: 's8_fzp', dtype: 'int8', inputZeroPoint: 127, filterZeroPoint: 3, bias: 'none' },
      {
        ...base,
        name: 's8_relu',
        dtype: 'int8',
        inputZeroPoint: 7,
        activation: 'RELU',
        outputZeroPoint: -100,
      },
      { ...base, name: 's8_pc', dtype: 'int8', inputZeroPoint: -3, perChannel: true, activation: 'RELU6' },
      {
        ...base,
        name: 's8_plain',
        dtype: 'int8',
        inputZeroPoint: 11,
        filterZeroPoint: -2,
        filterInput: true,
      },
      { ...base, name: 's8_bias_in', dtype: 'int8', inputZeroPoint: 11, bias: 'input' },
      { ...base, name: 's8_d4', dtype: 'int8', depth: 64, inputZeroPoint: 1, perChannel: true },
      { ...base, name: 's16', dtype: 'int16' },
      { ...base, name: 's16_b64', dtype: 'int16', bias: 'int64', perChannel: true },
      { ...base, name: 'f32', dtype: 'float32', activation: 'RELU_N1_TO_1' },
    ];
    expectSameOutputs(await runNative(configs.map((c, i) => fcCase(c, 500 + i * 13))));
  });
});
