import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { invoke, opInterpreter, randomFloats, type T } from './fc-group-support.js';

interface Weights {
  /** Per gate in TFLite order (input, forget, cell, output): [state, input] and [state, state] rows. */
  input: number[][];
  recurrent: number[][];
  bias: number[][];
}

function randomWeights(inputSize: number, stateSize: number, seed: number): Weights {
  const gates = [0, 1, 2, 3];
  return {
    input: gates.map((g) => randomFloats(stateSize * inputSize, -1, 1, seed + g)),
    recurrent: gates.map((g) => randomFloats(stateSize * stateSize, -1, 1, seed + 10 + g)),
    bias: gates.map((g) => randomFloats(stateSize, -0.5, 0.5, seed + 20 + g)),
  };
}

const options = (extra: BuiltinOptions = {}): BuiltinOptions => ({
  fusedActivationFunction: 'TANH',
  cellClip: 0,
  projClip: 0,
  timeMajor: false,
  ...extra,
});

/** The 24 inputs of a float32 LSTM; `extra` replaces entries (e.g. to add a projection). */
function floatInputs(w: Weights, shape: number[], batches: number, stateSize: number): (T | null)[] {
  const inputSize = shape[2];
  const inputs: (T | null)[] = Array(24).fill(null);
  inputs[0] = { dtype: 'float32', shape };
  w.input.forEach((v, g) => {
    inputs[1 + g] = { dtype: 'float32', shape: [stateSize, inputSize], values: v };
  });
  w.recurrent.forEach((v, g) => {
    inputs[5 + g] = { dtype: 'float32', shape: [stateSize, stateSize], values: v };
  });
  w.bias.forEach((v, g) => {
    inputs[12 + g] = { dtype: 'float32', shape: [stateSize], values: v };
  });
  inputs[18] = { dtype: 'float32', shape: [batches, stateSize], variable: true };
  inputs[19] = { dtype: 'float32', shape: [batches, stateSize], variable: true };
  return inputs;
}

/** A plain float LSTM: gates i, f, g, o; c = f*c + i*g; h = o*tanh(c). Input is [batch][time][input]. */
function referenceLstm(w: Weights, x: number[][][], stateSize: number): number[][][] {
  const sig = (v: number) => 1 / (1 + Math.exp(-v));
  return x.map((seq) => {
    let h = Array(stateSize).fill(0);
    let c = Array(stateSize).fill(0);
    return seq.map((xt) => {
      const gate = (g: number, s: number) =>
        w.bias[g][s] +
        xt.reduce((a, v, k) => a + v * w.input[g][s * xt.length + k], 0) +
        h.reduce((a, v, k) => a + v * w.recurrent[g][s * stateSize + k], 0);
      const idx = [...Array(stateSize).keys()];
      const [i, f, g, o] = [0, 1, 2, 3].map((gi) =>
        idx.map((s) => (gi === 2 ? Math.tanh : sig)(gate(gi, s))),
      );
      c = idx.map((s) => f[s] * c[s] + i[s] * g[s]);
      h = idx.map((s) => o[s] * Math.tanh(c[s]));
      return h;
    });
  });
}

describe('UNIDIRECTIONAL_SEQUENCE_LSTM float32', () => {
  const [inputSize, stateSize, steps, batches] = [3, 2, 4, 2];
  const w = randomWeights(inputSize, stateSize, 40);
  const xs = randomFloats(batches * steps * inputSize, -1, 1, 50);
  const x3 = [...Array(batches).keys()].map((b) =>
    [...Array(steps).keys()].map((t) =>
      xs.slice((b * steps + t) * inputSize, (b * steps + t + 1) * inputSize),
    ),
  );
  const expected = referenceLstm(w, x3, stateSize);
  /** The float op over [batches, steps] (or, `timeMajor`, [steps, batches]) sequences. */
  const floatLstm = (timeMajor: boolean) => {
    const [outer, inner] = timeMajor ? [steps, batches] : [batches, steps];
    return opInterpreter(
      'UNIDIRECTIONAL_SEQUENCE_LSTM',
      floatInputs(w, [outer, inner, inputSize], batches, stateSize),
      { dtype: 'float32', shape: [outer, inner, stateSize] },
      options({ timeMajor }),
    );
  };

  it('matches a plain float LSTM, batch-major', () => {
    const out = invoke(floatLstm(false), xs);
    expected.flat(2).forEach((v, i) => {
      expect(out[i]).toBeCloseTo(v, 5);
    });
  });

  it('matches a plain float LSTM, time-major', () => {
    const interp = floatLstm(true);
    const timeMajor: number[] = [];
    for (let t = 0; t < steps; t++) for (let b = 0; b < batches; b++) timeMajor.push(...x3[b][t]);
    const out = invoke(interp, timeMajor);
    for (let t = 0; t < steps; t++)
      for (let b = 0; b < batches; b++)
        expected[b][t].forEach((v, s) => {
          expect(out[(t * batches + b) * stateSize + s]).toBeCloseTo(v, 5);
        });
  });

  it('carries the state into the next invoke and clears it on reset', () => {
    const interp = floatLstm(false);
    const first = invoke(interp, xs);
    expect(invoke(interp, xs)).not.toEqual(first);
    interp.reset();
    expect(invoke(interp, xs)).toEqual(first);
  });
});

describe('UNIDIRECTIONAL_SEQUENCE_LSTM quantized', () => {
  const [inputSize, stateSize, steps] = [3, 4, 5];
  const w = randomWeights(inputSize, stateSize, 60);
  const xs = randomFloats(steps * inputSize, -0.99, 0.99, 70);
  const wScale = 1 / 127;
  /** int8: activations in steps of 1/128; 16x8: 2^-12 in, 2^-15 hidden, int64 biases. */
  const CONFIG = {
    int8: { inScale: 1 / 128, hScale: 1 / 128, bias: 'int32', max: 127 },
    int16: { inScale: 2 ** -12, hScale: 2 ** -15, bias: 'int64', max: 32767 },
  } as const;

  function quantizedInputs(act: 'int8' | 'int16'): (T | null)[] {
    const { inScale, hScale, bias } = CONFIG[act];
    const q = (v: number[], s: number) => v.map((x) => Math.max(-127, Math.min(127, Math.round(x / s))));
    const inputs: (T | null)[] = Array(24).fill(null);
    inputs[0] = { dtype: act, shape: [1, steps, inputSize], quant: { scale: inScale, zeroPoint: 0 } };
    w.input.forEach((v, g) => {
      inputs[1 + g] = {
        dtype: 'int8',
        shape: [stateSize, inputSize],
        values: q(v, wScale),
        quant: { scale: wScale },
      };
    });
    w.recurrent.forEach((v, g) => {
      inputs[5 + g] = {
        dtype: 'int8',
        shape: [stateSize, stateSize],
        values: q(v, wScale),
        quant: { scale: wScale },
      };
    });
    const biasScale = inScale * wScale;
    w.bias.forEach((v, g) => {
      const values = v.map((x) => Math.round(x / biasScale));
      inputs[12 + g] = { dtype: bias, shape: [stateSize], values, quant: { scale: biasScale } };
    });
    inputs[18] = {
      dtype: act,
      shape: [1, stateSize],
      variable: true,
      quant: { scale: hScale, zeroPoint: 0 },
    };
    inputs[19] = {
      dtype: 'int16',
      shape: [1, stateSize],
      variable: true,
      quant: { scale: 2 ** -11, zeroPoint: 0 },
    };
    return inputs;
  }

  for (const act of ['int8', 'int16'] as const) {
    it(`${act} activations stay within 0.016 of the float LSTM`, () => {
      const { inScale, hScale, max } = CONFIG[act];
      const output: T = { dtype: act, shape: [1, steps, stateSize], quant: { scale: hScale, zeroPoint: 0 } };
      const interp = opInterpreter(
        'UNIDIRECTIONAL_SEQUENCE_LSTM',
        quantizedInputs(act),
        output,
        options({ cellClip: 8 }),
      );
      const out = invoke(
        interp,
        xs.map((v) => Math.min(max, Math.round(v / inScale))),
      );
      const x3 = [[...Array(steps).keys()].map((t) => xs.slice(t * inputSize, (t + 1) * inputSize))];
      referenceLstm(w, x3, stateSize)
        .flat(2)
        .forEach((v, i) => {
          expect(Math.abs(out[i] * hScale - v)).toBeLessThanOrEqual(0.016);
        });
    });
  }

  it('reports LSTM variants and other cell activations as unsupported, and needs variable states', () => {
    const output: T = {
      dtype: 'int8',
      shape: [1, steps, stateSize],
      quant: { scale: 1 / 128, zeroPoint: 0 },
    };
    const projected = quantizedInputs('int8');
    projected[16] = {
      dtype: 'int8',
      shape: [stateSize, stateSize],
      values: Array(16).fill(1),
      quant: { scale: 1 },
    };
    expect(() => opInterpreter('UNIDIRECTIONAL_SEQUENCE_LSTM', projected, output, options())).toThrow(
      UnsupportedOperatorError,
    );
    expect(() =>
      opInterpreter(
        'UNIDIRECTIONAL_SEQUENCE_LSTM',
        quantizedInputs('int8'),
        output,
        options({ fusedActivationFunction: 'RELU' }),
      ),
    ).toThrow(UnsupportedOperatorError);
    const constantState = quantizedInputs('int8');
    constantState[18] = {
      dtype: 'int8',
      shape: [1, stateSize],
      values: [0, 0, 0, 0],
      quant: { scale: 1 / 128 },
    };
    expect(() => opInterpreter('UNIDIRECTIONAL_SEQUENCE_LSTM', constantState, output, options())).toThrow(
      KernelPrepareError,
    );
  });
});
