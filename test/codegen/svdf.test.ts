/** SVDF: the generated C equals the TS interpreter, including the state carried across invokes. */
import { describe, it } from 'vitest';
import type { Activation, DType } from '../../src/tflite/schema.js';
import { randomFloats, randomInts, type T } from '../kernels/fc-group-support.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, type OpCase, runNative } from './fc-group-native.js';

interface Config {
  name: string;
  kind: 'float32' | 'int8' | 'int16';
  batches: number;
  inputSize: number;
  units: number;
  rank: number;
  memory: number;
  bias: boolean;
  activation?: Activation;
  stateZeroPoint?: number;
  /** Feature scale large enough that new state values saturate. */
  saturate?: boolean;
  /** Feature or time weights as graph inputs (not constants): the kernel's unfolded loops. */
  inputWeights?: 'feature' | 'time';
}

function svdfCase(c: Config, seed: number): OpCase {
  const filters = c.units * c.rank;
  const float = c.kind === 'float32';
  const q = (scale: number, zeroPoint = 0) => (float ? undefined : { scale, zeroPoint });
  const weights = (dtype: DType, n: number, s: number): number[] =>
    dtype === 'float32'
      ? randomFloats(n, -1, 1, s)
      : dtype === 'int16'
        ? randomInts(n, -32768, 32767, s)
        : randomInts(n, -127, 127, s);
  const timeType: DType = float ? 'float32' : c.kind;
  const wType: DType = float ? 'float32' : 'int8';
  const [stateScale, timeScale] = [
    c.kind === 'int16' ? 1 / 4096 : 0.05,
    c.kind === 'int16' ? 1 / 16384 : 0.02,
  ];
  const inputs: (T | null)[] = [
    { dtype: wType, shape: [c.batches, c.inputSize], quant: q(0.1, -5) },
    {
      dtype: wType,
      shape: [filters, c.inputSize],
      values: c.inputWeights === 'feature' ? undefined : weights(wType, filters * c.inputSize, seed),
      quant: q(c.saturate ? 0.5 : 0.004),
    },
    {
      dtype: timeType,
      shape: [filters, c.memory],
      values: c.inputWeights === 'time' ? undefined : weights(timeType, filters * c.memory, seed + 1),
      quant: q(timeScale),
    },
    c.bias
      ? {
          dtype: float ? 'float32' : 'int32',
          shape: [c.units],
          values: float ? randomFloats(c.units, -2, 2, seed + 2) : randomInts(c.units, -5000, 5000, seed + 2),
          quant: q(stateScale * timeScale),
        }
      : null,
    {
      dtype: timeType,
      shape: [c.batches, filters * c.memory],
      variable: true,
      quant: q(stateScale, c.stateZeroPoint ?? 0),
    },
  ];
  return {
    name: c.name,
    opcode: 'SVDF',
    inputs,
    output: { dtype: wType, shape: [c.batches, c.units], quant: q(0.08, 3) },
    options: { rank: c.rank, fusedActivationFunction: c.activation ?? 'NONE' },
    invokes: 4,
    floatRange: 2,
  };
}

describe.skipIf(!hostCcAvailable)('SVDF: generated C vs TS interpreter', () => {
  it('agrees over four invokes (state kept) for int8 and int16 state and float32 activations', async () => {
    const base = { batches: 2, inputSize: 7, units: 3, rank: 2, memory: 5, bias: true };
    const configs: Config[] = [
      { ...base, name: 's8', kind: 'int8', stateZeroPoint: 3 },
      { ...base, name: 's8_wrap', kind: 'int8', stateZeroPoint: 100, saturate: true, bias: false },
      { ...base, name: 's8_s16', kind: 'int16' },
      { ...base, name: 's8_time_in', kind: 'int8', stateZeroPoint: -9, inputWeights: 'time' },
      { ...base, name: 's8_s16_feature_in', kind: 'int16', inputWeights: 'feature', bias: false },
      { ...base, name: 's8_s16_sat', kind: 'int16', saturate: true, batches: 1, rank: 1, memory: 10 },
      { ...base, name: 'f32', kind: 'float32' },
      { ...base, name: 'f32_relu', kind: 'float32', activation: 'RELU', bias: false },
      { ...base, name: 'f32_relu6', kind: 'float32', activation: 'RELU6', rank: 1 },
      { ...base, name: 'f32_relu_n1', kind: 'float32', activation: 'RELU_N1_TO_1' },
      { ...base, name: 'f32_tanh', kind: 'float32', activation: 'TANH' },
      { ...base, name: 'f32_sign', kind: 'float32', activation: 'SIGN_BIT', memory: 1 },
    ];
    expectSameOutputs(await runNative(configs.map((c, i) => svdfCase(c, 100 + i * 7))));
  });
});
