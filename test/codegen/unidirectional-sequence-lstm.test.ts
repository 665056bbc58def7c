/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM: the generated C equals the TS interpreter (float32, int8, 16x8),
 * batch- and time-major, with hidden and cell state carried across invokes.
 */
import { describe, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { randomFloats, randomInts, type T } from '../kernels/fc-group-support.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, type OpCase, runNative } from './fc-group-native.js';

interface Config {
  name: string;
  act: 'float32' | 'int8' | 'int16';
  batches: number;
  steps: number;
  inputSize: number;
  stateSize: number;
  timeMajor?: boolean;
  cellClip?: number;
  /** log2 of the cell state scale (integer kernels). */
  cellLog2?: number;
  inputZeroPoint?: number;
  hiddenZeroPoint?: number;
  weightsZeroPoint?: number;
  /** Input weights as graph inputs (not constants): the kernel's unfolded loops. */
  weightsAsInputs?: boolean;
}

const SCALES = {
  int8: { input: 1 / 128, hidden: 1 / 128, bias: 'int32' },
  int16: { input: 2 ** -12, hidden: 2 ** -15, bias: 'int64' },
} as const;

function lstmInputs(c: Config, seed: number): (T | null)[] {
  const float = c.act === 'float32';
  const wScale = 1 / 127;
  const s = c.act === 'float32' ? null : SCALES[c.act];
  const q = (scale: number, zeroPoint = 0) => (float ? undefined : { scale, zeroPoint });
  const weights = (rows: number, cols: number, k: number): T => ({
    dtype: float ? 'float32' : 'int8',
    shape: [rows, cols],
    values: float ? randomFloats(rows * cols, -1, 1, seed + k) : randomInts(rows * cols, -127, 127, seed + k),
    quant: q(wScale, c.weightsZeroPoint ?? 0),
  });
  const inputs: (T | null)[] = Array(24).fill(null);
  const shape = c.timeMajor ? [c.steps, c.batches, c.inputSize] : [c.batches, c.steps, c.inputSize];
  const act: DType = c.act;
  inputs[0] = { dtype: act, shape, quant: q(s?.input ?? 0, c.inputZeroPoint ?? 0) };
  for (let g = 0; g < 4; g++) {
    inputs[1 + g] = {
      ...weights(c.stateSize, c.inputSize, g),
      ...(c.weightsAsInputs ? { values: undefined } : {}),
    };
    inputs[5 + g] = weights(c.stateSize, c.stateSize, 10 + g);
    inputs[12 + g] = {
      dtype: float ? 'float32' : (s?.bias ?? 'int32'),
      shape: [c.stateSize],
      values: float
        ? randomFloats(c.stateSize, -0.5, 0.5, seed + 20 + g)
        : randomInts(c.stateSize, -3000, 3000, seed + 20 + g),
      quant: q((s?.input ?? 0) * wScale),
    };
  }
  inputs[18] = {
    dtype: act,
    shape: [c.batches, c.stateSize],
    variable: true,
    quant: q(s?.hidden ?? 0, c.hiddenZeroPoint ?? 0),
  };
  inputs[19] = {
    dtype: float ? 'float32' : 'int16',
    shape: [c.batches, c.stateSize],
    variable: true,
    quant: q(2 ** (c.cellLog2 ?? -11)),
  };
  return inputs;
}

function lstmCase(c: Config, seed: number): OpCase {
  const s = c.act === 'float32' ? null : SCALES[c.act];
  const shape = c.timeMajor ? [c.steps, c.batches, c.stateSize] : [c.batches, c.steps, c.stateSize];
  return {
    name: c.name,
    opcode: 'UNIDIRECTIONAL_SEQUENCE_LSTM',
    inputs: lstmInputs(c, seed),
    output: {
      dtype: c.act,
      shape,
      quant: s ? { scale: s.hidden, zeroPoint: c.hiddenZeroPoint ?? 0 } : undefined,
    },
    options: {
      fusedActivationFunction: 'TANH',
      cellClip: c.cellClip ?? 0,
      projClip: 0,
      timeMajor: c.timeMajor ?? false,
    },
    invokes: 3,
    floatRange: 1.5,
  };
}

describe.skipIf(!hostCcAvailable)('UNIDIRECTIONAL_SEQUENCE_LSTM: generated C vs TS interpreter', () => {
  it('agrees over three invokes (state kept): float32, int8 and 16x8, batch- and time-major', async () => {
    const base = { batches: 2, steps: 4, inputSize: 3, stateSize: 5 };
    const configs: Config[] = [
      { ...base, name: 'f32', act: 'float32' },
      { ...base, name: 'f32_tm_clip', act: 'float32', timeMajor: true, cellClip: 0.8 },
      { ...base, name: 's8', act: 'int8', inputZeroPoint: 5, hiddenZeroPoint: -3, cellClip: 8 },
      { ...base, name: 's8_tm', act: 'int8', timeMajor: true, batches: 3, weightsZeroPoint: -2 },
      { ...base, name: 's8_cell_fine', act: 'int8', cellLog2: -14, cellClip: 1 },
      {
        ...base,
        name: 's8_unfolded',
        act: 'int8',
        inputZeroPoint: -7,
        weightsZeroPoint: 1,
        weightsAsInputs: true,
      },
      { ...base, name: 's16', act: 'int16', cellClip: 4 },
      { ...base, name: 's16_tm', act: 'int16', timeMajor: true, cellLog2: -10 },
    ];
    expectSameOutputs(await runNative(configs.map((c, i) => lstmCase(c, 300 + i * 31))));
  });
});
