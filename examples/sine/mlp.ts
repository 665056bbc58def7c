/** A tiny seeded MLP trainer (Adam, ReLU hidden layers) in plain TypeScript, for the sine example. */
import { seededRandom } from '../../src/run/inputs.js';

export interface Layer {
  /** weights[out][in], row-major as TFLite's FULLY_CONNECTED stores them. */
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  outputs: number;
  relu: boolean;
}

export function makeMlp(sizes: number[], seed: number): Layer[] {
  const rnd = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  return sizes.slice(1).map((outputs, i) => {
    const inputs = sizes[i];
    const std = Math.sqrt(2 / inputs);
    return {
      w: Float64Array.from({ length: inputs * outputs }, () => gauss() * std),
      b: new Float64Array(outputs),
      inputs,
      outputs,
      relu: i < sizes.length - 2,
    };
  });
}

export function forward(layers: Layer[], x: number[]): number[][] {
  const acts = [x];
  for (const l of layers) {
    const a = acts[acts.length - 1];
    const out = new Array<number>(l.outputs);
    for (let o = 0; o < l.outputs; o++) {
      let s = l.b[o];
      for (let i = 0; i < l.inputs; i++) s += l.w[o * l.inputs + i] * a[i];
      out[o] = l.relu ? Math.max(0, s) : s;
    }
    acts.push(out);
  }
  return acts;
}

/** Trains on y = f(x) with mean squared error; returns the final batch loss. */
export function train(
  layers: Layer[],
  data: { x: number; y: number }[],
  steps: number,
  seed: number,
): number {
  const rnd = seededRandom(seed);
  const params = layers.flatMap((l) => [l.w, l.b]);
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  const [lr0, b1, b2, eps, batch] = [0.01, 0.9, 0.999, 1e-8, 32];
  let loss = 0;
  for (let step = 1; step <= steps; step++) {
    // Cosine decay: large steps to find the shape, small ones to settle the error.
    const lr = 0.0002 + (lr0 - 0.0002) * 0.5 * (1 + Math.cos((Math.PI * step) / steps));
    const grads = params.map((p) => new Float64Array(p.length));
    loss = 0;
    for (let k = 0; k < batch; k++) {
      const s = data[Math.floor(rnd() * data.length)];
      const acts = forward(layers, [s.x]);
      const pred = acts[acts.length - 1][0];
      loss += (pred - s.y) ** 2 / batch;
      let delta = [(2 * (pred - s.y)) / batch];
      for (let li = layers.length - 1; li >= 0; li--) {
        const l = layers[li];
        const a = acts[li];
        const next = new Array<number>(l.inputs).fill(0);
        for (let o = 0; o < l.outputs; o++) {
          const d = l.relu && acts[li + 1][o] <= 0 ? 0 : delta[o];
          grads[2 * li + 1][o] += d;
          for (let i = 0; i < l.inputs; i++) {
            grads[2 * li][o * l.inputs + i] += d * a[i];
            next[i] += d * l.w[o * l.inputs + i];
          }
        }
        delta = next;
      }
    }
    params.forEach((p, pi) => {
      for (let j = 0; j < p.length; j++) {
        // Weight decay keeps activations small, so int8 rounding errors do not get amplified.
        const g = grads[pi][j] + 3e-4 * p[j];
        m[pi][j] = b1 * m[pi][j] + (1 - b1) * g;
        v[pi][j] = b2 * v[pi][j] + (1 - b2) * g * g;
        p[j] -= (lr * (m[pi][j] / (1 - b1 ** step))) / (Math.sqrt(v[pi][j] / (1 - b2 ** step)) + eps);
      }
    });
  }
  return loss;
}
