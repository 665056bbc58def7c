/**
 * Random valid models for differential tests: short chains of ops with random shapes and
 * quantization, built with ModelBuilder. Only ops in `allowed` are used.
 */

import { ModelBuilder } from '../../src/tflite/model-builder.js';
import type { Activation } from '../../src/tflite/schema.js';

type Rnd = () => number;

interface Cur {
  t: number;
  shape: number[];
}

interface Step {
  op: string;
  /** Whether this maker can follow a tensor of this shape. */
  accepts(shape: number[]): boolean;
  make(b: ModelBuilder, cur: Cur, r: Rnd): Cur;
}

const int = (r: Rnd, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const ACTS: Activation[] = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'];

function actQuant(r: Rnd) {
  return { scale: 0.005 + r() * 0.1, zeroPoint: int(r, -128, 127) };
}

function randomInt8(r: Rnd, n: number): number[] {
  return Array.from({ length: n }, () => int(r, -127, 127));
}

function weights(b: ModelBuilder, r: Rnd, shape: number[], channelAxis: number, perChannel: boolean): number {
  const channels = shape[channelAxis];
  const scales = Array.from({ length: perChannel ? channels : 1 }, () => 0.002 + r() * 0.02);
  return b.addTensor({
    dtype: 'int8',
    shape,
    data: randomInt8(
      r,
      shape.reduce((a, c) => a * c, 1),
    ),
    quant: {
      scale: scales,
      zeroPoint: scales.map(() => 0),
      quantizedDimension: perChannel ? channelAxis : 0,
    },
  });
}

function bias(b: ModelBuilder, r: Rnd, n: number): number {
  return b.addTensor({
    dtype: 'int32',
    shape: [n],
    data: Array.from({ length: n }, () => int(r, -3000, 3000)),
  });
}

function out(b: ModelBuilder, r: Rnd, shape: number[]): Cur {
  return { t: b.addTensor({ dtype: 'int8', shape, quant: actQuant(r) }), shape };
}

const convOut = (size: number, k: number, s: number, d: number, pad: string) =>
  pad === 'SAME' ? Math.ceil(size / s) : Math.floor((size - (k - 1) * d - 1) / s) + 1;

/** VALID padding only where the window fits the input; SAME otherwise. */
function padFor(r: Rnd, h: number, w: number, k: number, d: number): 'SAME' | 'VALID' {
  const fits = h >= (k - 1) * d + 1 && w >= (k - 1) * d + 1;
  return fits ? pick(r, ['SAME', 'VALID'] as const) : 'SAME';
}

const STEPS: Step[] = [
  {
    op: 'FULLY_CONNECTED',
    accepts: () => true,
    make(b, cur, r) {
      const depth = cur.shape[cur.shape.length - 1];
      const batch = cur.shape.reduce((a, c) => a * c, 1) / depth;
      const units = int(r, 1, 24);
      const o = out(b, r, [batch, units]);
      const w = weights(b, r, [units, depth], 0, r() < 0.5);
      b.addOperator('FULLY_CONNECTED', [cur.t, w, r() < 0.8 ? bias(b, r, units) : -1], [o.t], {
        fusedActivationFunction: pick(r, ACTS),
      });
      return o;
    },
  },
  {
    op: 'CONV_2D',
    accepts: (s) => s.length === 4,
    make(b, cur, r) {
      const [, h, w, c] = cur.shape;
      const k = int(r, 1, 3);
      const s = int(r, 1, 2);
      const d = s === 1 ? int(r, 1, 2) : 1;
      const pad = padFor(r, h, w, k, d);
      const oh = convOut(h, k, s, d, pad);
      const ow = convOut(w, k, s, d, pad);
      const oc = int(r, 1, 8);
      const o = out(b, r, [1, oh, ow, oc]);
      const wt = weights(b, r, [oc, k, k, c], 0, true);
      b.addOperator('CONV_2D', [cur.t, wt, r() < 0.8 ? bias(b, r, oc) : -1], [o.t], {
        padding: pad,
        strideW: s,
        strideH: s,
        dilationWFactor: d,
        dilationHFactor: d,
        fusedActivationFunction: pick(r, ACTS),
      });
      return o;
    },
  },
  {
    op: 'DEPTHWISE_CONV_2D',
    accepts: (s) => s.length === 4,
    make(b, cur, r) {
      const [, h, w, c] = cur.shape;
      const m = int(r, 1, 2);
      const k = int(r, 1, 3);
      const s = int(r, 1, 2);
      const pad = padFor(r, h, w, k, 1);
      const o = out(b, r, [1, convOut(h, k, s, 1, pad), convOut(w, k, s, 1, pad), c * m]);
      const wt = weights(b, r, [1, k, k, c * m], 3, true);
      b.addOperator('DEPTHWISE_CONV_2D', [cur.t, wt, bias(b, r, c * m)], [o.t], {
        padding: pad,
        strideW: s,
        strideH: s,
        depthMultiplier: m,
        fusedActivationFunction: pick(r, ACTS),
      });
      return o;
    },
  },
  ...['AVERAGE_POOL_2D', 'MAX_POOL_2D'].map(
    (op): Step => ({
      op,
      accepts: (s) => s.length === 4 && s[1] >= 2 && s[2] >= 2,
      make(b, cur, r) {
        const [, h, w, c] = cur.shape;
        const k = int(r, 1, 2);
        const s = int(r, 1, 2);
        const pad = padFor(r, h, w, k, 1);
        const q = b.toModel().subgraphs[0].tensors[cur.t].quantization!;
        const o = {
          t: b.addTensor({
            dtype: 'int8',
            shape: [1, convOut(h, k, s, 1, pad), convOut(w, k, s, 1, pad), c],
            quant: { scale: q.scale[0], zeroPoint: q.zeroPoint[0] },
          }),
          shape: [1, convOut(h, k, s, 1, pad), convOut(w, k, s, 1, pad), c],
        };
        b.addOperator(op, [cur.t], [o.t], {
          padding: pad,
          strideW: s,
          strideH: s,
          filterWidth: k,
          filterHeight: k,
          fusedActivationFunction: pick(r, ACTS),
        });
        return o;
      },
    }),
  ),
  ...['ADD', 'SUB', 'MUL'].map(
    (op): Step => ({
      op,
      accepts: () => true,
      make(b, cur, r) {
        const c = cur.shape[cur.shape.length - 1];
        const other =
          r() < 0.5
            ? cur.t
            : b.addTensor({ dtype: 'int8', shape: [c], data: randomInt8(r, c), quant: actQuant(r) });
        const o = out(b, r, cur.shape);
        b.addOperator(op, [cur.t, other], [o.t], { fusedActivationFunction: pick(r, ACTS) });
        return o;
      },
    }),
  ),
  {
    op: 'RESHAPE',
    accepts: () => true,
    make(b, cur) {
      const n = cur.shape.reduce((a, c) => a * c, 1);
      const q = b.toModel().subgraphs[0].tensors[cur.t].quantization!;
      const t = b.addTensor({
        dtype: 'int8',
        shape: [1, n],
        quant: { scale: q.scale[0], zeroPoint: q.zeroPoint[0] },
      });
      const shape = b.addTensor({ dtype: 'int32', shape: [2], data: [1, n] });
      b.addOperator('RESHAPE', [cur.t, shape], [t], { newShape: [1, n] });
      return { t, shape: [1, n] };
    },
  },
  {
    op: 'SOFTMAX',
    accepts: (s) => s.length === 2,
    make(b, cur, r) {
      const t = b.addTensor({ dtype: 'int8', shape: cur.shape, quant: { scale: 1 / 256, zeroPoint: -128 } });
      b.addOperator('SOFTMAX', [cur.t], [t], { beta: pick(r, [1, 0.5, 2]) });
      return { t, shape: cur.shape };
    },
  },
  ...['LOGISTIC', 'TANH'].map(
    (op): Step => ({
      op,
      accepts: () => true,
      make(b, cur) {
        const quant =
          op === 'LOGISTIC' ? { scale: 1 / 256, zeroPoint: -128 } : { scale: 1 / 128, zeroPoint: 0 };
        const t = b.addTensor({ dtype: 'int8', shape: cur.shape, quant });
        b.addOperator(op, [cur.t], [t]);
        return { t, shape: cur.shape };
      },
    }),
  ),
  ...['RELU', 'RELU6', 'LEAKY_RELU', 'HARD_SWISH'].map(
    (op): Step => ({
      op,
      accepts: () => true,
      make(b, cur, r) {
        const o = out(b, r, cur.shape);
        b.addOperator(op, [cur.t], [o.t], op === 'LEAKY_RELU' ? { alpha: pick(r, [0.1, 0.2, 0.3]) } : {});
        return o;
      },
    }),
  ),
  {
    op: 'PAD',
    accepts: (s) => s.length === 4,
    make(b, cur, r) {
      const p = [0, 0, int(r, 0, 2), int(r, 0, 2), int(r, 0, 2), int(r, 0, 2), 0, 0];
      const shape = cur.shape.map((d, i) => d + p[2 * i] + p[2 * i + 1]);
      const q = b.toModel().subgraphs[0].tensors[cur.t].quantization!;
      const t = b.addTensor({
        dtype: 'int8',
        shape,
        quant: { scale: q.scale[0], zeroPoint: q.zeroPoint[0] },
      });
      b.addOperator('PAD', [cur.t, b.addTensor({ dtype: 'int32', shape: [4, 2], data: p })], [t]);
      return { t, shape };
    },
  },
  {
    op: 'MEAN',
    accepts: (s) => s.length === 4,
    make(b, cur, r) {
      const shape = [1, 1, 1, cur.shape[3]];
      const o = out(b, r, shape);
      b.addOperator('MEAN', [cur.t, b.addTensor({ dtype: 'int32', shape: [2], data: [1, 2] })], [o.t], {
        keepDims: true,
      });
      return o;
    },
  },
  {
    op: 'CONCATENATION',
    accepts: () => true,
    make(b, cur) {
      const shape = [...cur.shape];
      shape[shape.length - 1] *= 2;
      const q = b.toModel().subgraphs[0].tensors[cur.t].quantization!;
      const t = b.addTensor({
        dtype: 'int8',
        shape,
        quant: { scale: q.scale[0], zeroPoint: q.zeroPoint[0] },
      });
      b.addOperator('CONCATENATION', [cur.t, cur.t], [t], { axis: shape.length - 1 });
      return { t, shape };
    },
  },
];

export interface RandomModel {
  bytes: Uint8Array;
  ops: string[];
}

/** One random model using only `allowed` ops; inputs are int8 [1,H,W,C] or [1,N]. */
export function randomModel(r: Rnd, allowed: ReadonlySet<string>): RandomModel {
  const b = new ModelBuilder({ description: 'random differential model' });
  const fourD = r() < 0.7;
  const shape = fourD ? [1, int(r, 2, 9), int(r, 2, 9), int(r, 1, 6)] : [1, int(r, 1, 40)];
  let cur: Cur = { t: b.addInput({ name: 'x', dtype: 'int8', shape, quant: actQuant(r) }), shape };
  const ops: string[] = [];
  const length = int(r, 1, 5);
  for (let i = 0; i < length; i++) {
    const options = STEPS.filter((s) => allowed.has(s.op) && s.accepts(cur.shape));
    if (options.length === 0) break;
    const step = pick(r, options);
    cur = step.make(b, cur, r);
    ops.push(step.op);
  }
  b.markOutputs(cur.t);
  return { bytes: b.build(), ops };
}

export const RANDOM_MODEL_OPS = [...new Set(STEPS.map((s) => s.op))];
