/** BATCH_MATMUL in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import type { QuantSpec } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, oneOp, q } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

interface Mm {
  lhs: number[];
  rhs: number[];
  out: number[];
  adjX?: boolean;
  adjY?: boolean;
}

const QUANT: Partial<Record<DType, [QuantSpec, QuantSpec, QuantSpec]>> = {
  int8: [q(0.05, -3), q(0.02, 7), q(0.3, -10)],
  int16: [q(0.001, 0), q(0.002, 0), q(0.01, 0)],
};

function matmul(dtype: DType, m: Mm): NativeCase {
  const [ql, qr, qo] = QUANT[dtype] ?? [];
  const adj = `${m.adjX ? ' adj_x' : ''}${m.adjY ? ' adj_y' : ''}`;
  return oneOp(
    `BATCH_MATMUL ${dtype} [${m.lhs}] x [${m.rhs}]${adj}`,
    'BATCH_MATMUL',
    [input(dtype, m.lhs, ql), input(dtype, m.rhs, qr)],
    { dtype, shape: m.out, quant: qo },
    { adjX: m.adjX ?? false, adjY: m.adjY ?? false },
  );
}

const plain: Mm = { lhs: [2, 3, 5], rhs: [2, 5, 4], out: [2, 3, 4] };
const broadcast: Mm = { lhs: [2, 1, 3, 5], rhs: [3, 5, 4], out: [2, 3, 3, 4] };
const adjoint: Mm = { lhs: [2, 5, 3], rhs: [2, 4, 5], out: [2, 3, 4], adjX: true, adjY: true };
const rank5: Mm = { lhs: [2, 1, 2, 3, 4], rhs: [1, 3, 1, 4, 2], out: [2, 3, 2, 3, 2], adjY: false };
const matrix: Mm = { lhs: [3, 6], rhs: [6, 2], out: [3, 2] };

const CASES: NativeCase[] = [
  matmul('float32', plain),
  matmul('float32', broadcast),
  matmul('float32', adjoint),
  matmul('float32', rank5),
  matmul('int8', plain),
  matmul('int8', broadcast),
  matmul('int8', adjoint),
  matmul('int8', { ...matrix, adjY: true, rhs: [2, 6] }),
  matmul('int16', plain),
  matmul('int16', rank5),
  matmul('int16', { ...adjoint, adjY: false, rhs: [2, 5, 4] }),
];

describe.skipIf(!hostCcAvailable)('C: BATCH_MATMUL', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_batch_matmul_f32']);
    expect(kernelCalls(results[4])).toEqual(['tf_batch_matmul_s8']);
    expect(kernelCalls(results[8])).toEqual(['tf_batch_matmul_s16']);
  });
});
