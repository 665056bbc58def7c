// Reproduces TFLM reference BATCH_MATMUL: batch_matmul.cc with reference/batch_matmul.h (float32; int8 with int32 and int16 with int64 accumulators, FullyConnected-style requantization).
import type { GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';
import {
  clamp,
  INT_RANGES,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
} from '../quant/fixed-point.js';
import { elementCount } from '../tflite/verify.js';
import { perTensorMultiplier, tensorZeroPoint } from './common/fc-params.js';
import { defineKernel, type PrepareContext } from './types.js';

export interface BatchMatMulParams {
  dtype: 'float32' | 'int8' | 'int16';
  lhs: number;
  rhs: number;
  output: number;
  /** Broadcast batch dimensions of the output, and each operand's matrix step per batch index (0 = broadcast). */
  batchShape: number[];
  lhsBatchSteps: number[];
  rhsBatchSteps: number[];
  /** Output rows (A), accumulation depth (B) and output columns (C). */
  rows: number;
  depth: number;
  cols: number;
  adjX: boolean;
  adjY: boolean;
  /** -lhs zero point, -rhs zero point, output zero point (0 for float32). */
  lhsOffset: number;
  rhsOffset: number;
  outputOffset: number;
  multiplier: number;
  shift: number;
  /** Bytes of the transposed operand copies TFLM keeps (LHS when adj_x, RHS unless adj_y). */
  transposeBytes: number;
}

/** Batch dims of both operands extended to the same rank, broadcast, with per-operand matrix steps. */
function broadcastBatches(ctx: PrepareContext, lhs: number[], rhs: number[]) {
  const rank = Math.max(lhs.length, rhs.length) - 2;
  const ext = (s: number[]) => [...new Array<number>(rank + 2 - s.length).fill(1), ...s].slice(0, rank);
  const [l, r] = [ext(lhs), ext(rhs)];
  const steps = (dims: number[]) => {
    const out = new Array<number>(rank).fill(0);
    for (let i = rank - 1, n = 1; i >= 0; n *= dims[i], i--) out[i] = dims[i] === 1 ? 0 : n;
    return out;
  };
  const batchShape = l.map((d, i) => {
    if (d !== r[i] && d !== 1 && r[i] !== 1)
      ctx.fail(`batch dimensions [${lhs}] and [${rhs}] do not broadcast`);
    return d === 1 ? r[i] : d;
  });
  return { batchShape, lhsBatchSteps: steps(l), rhsBatchSteps: steps(r) };
}

function checkTensors(ctx: PrepareContext, lhs: GraphTensor, rhs: GraphTensor, output: GraphTensor): void {
  if (ctx.op.inputs.length !== 2) ctx.fail(`expects 2 inputs, got ${ctx.op.inputs.length}`);
  if (!['float32', 'int8', 'int16'].includes(lhs.dtype)) ctx.unsupported(`input dtype ${lhs.dtype}`);
  if (rhs.dtype !== lhs.dtype) ctx.unsupported(`lhs ${lhs.dtype} with rhs ${rhs.dtype} (hybrid)`);
  if (output.dtype !== lhs.dtype) ctx.unsupported(`output dtype ${output.dtype} for ${lhs.dtype} inputs`);
  for (const t of [lhs, rhs])
    if (t.shape.length < 2 || t.shape.length > 5)
      ctx.unsupported(`operand rank ${t.shape.length} outside 2..5`);
}

function quantParams(ctx: PrepareContext, lhs: GraphTensor, rhs: GraphTensor, output: GraphTensor) {
  if (lhs.dtype === 'float32')
    return { lhsOffset: 0, rhsOffset: 0, outputOffset: 0, multiplier: 0, shift: 0 };
  const zps = [lhs, rhs, output].map(tensorZeroPoint);
  if (lhs.dtype === 'int16' && zps.some((z) => z !== 0)) ctx.fail('int16 zero points must be 0');
  const q = perTensorMultiplier(ctx, lhs, rhs, null, output);
  return { lhsOffset: -zps[0], rhsOffset: -zps[1], outputOffset: zps[2], ...q };
}

function prepare(ctx: PrepareContext): BatchMatMulParams {
  const lhs = ctx.input(0);
  const rhs = ctx.input(1);
  const output = ctx.output(0);
  checkTensors(ctx, lhs, rhs, output);
  const adjX = ctx.op.options.adjX as boolean;
  const adjY = ctx.op.options.adjY as boolean;
  const [ls, rs] = [lhs.shape, rhs.shape];
  const [lr, lc] = ls.slice(-2);
  const [rr, rc] = rs.slice(-2);
  const [rows, depth] = adjX ? [lc, lr] : [lr, lc];
  const [rDepth, cols] = adjY ? [rc, rr] : [rr, rc];
  if (depth !== rDepth) ctx.fail(`inner dimensions differ: lhs [${ls}] and rhs [${rs}]`);
  // TFLM folds a [..., Q, R, S] LHS into [..., Q*R, S] when the RHS batch just before its matrix is 1,
  // which only computes the first of the Q matrices when the LHS is also transposed.
  if (adjX && ls.length > 2 && rs.length > 2 && rs.at(-3) === 1 && ls.at(-3)! > 1)
    ctx.unsupported('adj_x with a broadcast RHS batch (TFLM computes only the first LHS matrix)');
  const batches = broadcastBatches(ctx, ls, rs);
  if (elementCount(output.shape) !== elementCount(batches.batchShape) * rows * cols)
    ctx.fail(`output [${output.shape}] does not hold [${batches.batchShape},${rows},${cols}]`);
  const transposeBytes = (adjX ? lhs.bytes : 0) + (adjY ? 0 : rhs.bytes);
  const dtype = lhs.dtype as BatchMatMulParams['dtype'];
  const base = { dtype, lhs: lhs.index, rhs: rhs.index, output: output.index, rows, depth, cols, adjX, adjY };
  return { ...base, ...batches, ...quantParams(ctx, lhs, rhs, output), transposeBytes };
}

type Dot = (lhsAt: (k: number) => number, rhsAt: (k: number) => number) => number;

function evalBatchMatMul(p: BatchMatMulParams, store: TensorStore): void {
  const views = {
    float32: store.f32.bind(store),
    int8: store.i8.bind(store),
    int16: store.i16.bind(store),
  }[p.dtype];
  const [lhs, rhs, out] = [views(p.lhs), views(p.rhs), views(p.output)];
  const dot = dotFor(p);
  const batchCount = elementCount(p.batchShape);
  const idx = new Array<number>(p.batchShape.length).fill(0);
  for (let b = 0; b < batchCount; b++) {
    let lBase = 0;
    let rBase = 0;
    idx.forEach((v, i) => {
      lBase += v * p.lhsBatchSteps[i];
      rBase += v * p.rhsBatchSteps[i];
    });
    lBase *= p.rows * p.depth;
    rBase *= p.depth * p.cols;
    for (let a = 0; a < p.rows; a++) {
      const lhsAt = p.adjX
        ? (k: number) => lhs[lBase + k * p.rows + a]
        : (k: number) => lhs[lBase + a * p.depth + k];
      for (let c = 0; c < p.cols; c++) {
        const rhsAt = p.adjY
          ? (k: number) => rhs[rBase + c * p.depth + k]
          : (k: number) => rhs[rBase + k * p.cols + c];
        out[(b * p.rows + a) * p.cols + c] = dot(lhsAt, rhsAt);
      }
    }
    for (let i = idx.length - 1; i >= 0 && ++idx[i] === p.batchShape[i]; i--) idx[i] = 0;
  }
}

/** The per-element dot product and requantization of each dtype, in TFLM's accumulation order. */
function dotFor(p: BatchMatMulParams): Dot {
  if (p.dtype === 'float32') {
    return (l, r) => {
      let total = 0;
      for (let k = 0; k < p.depth; k++) total = Math.fround(total + Math.fround(r(k) * l(k)));
      return total;
    };
  }
  const [lo, hi] = INT_RANGES[p.dtype];
  if (p.dtype === 'int8') {
    return (l, r) => {
      let total = 0;
      for (let k = 0; k < p.depth; k++) total = (total + (r(k) + p.rhsOffset) * (l(k) + p.lhsOffset)) | 0;
      return clamp(multiplyByQuantizedMultiplier(total, p.multiplier, p.shift) + p.outputOffset, lo, hi);
    };
  }
  return (l, r) => {
    let total = 0;
    for (let k = 0; k < p.depth; k++) total += r(k) * l(k);
    const scaled = multiplyByQuantizedMultiplierInt64(BigInt(total), p.multiplier, p.shift);
    return clamp(scaled + p.outputOffset, lo, hi);
  };
}

export const batchMatmul = defineKernel<BatchMatMulParams>({
  op: 'BATCH_MATMUL',
  prepare,
  eval: evalBatchMatMul,
  scratchBytes: (p) => p.transposeBytes,
});
