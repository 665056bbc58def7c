import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { lcgFloats, prepareError, runOp } from './pool-reduce-support.js';

/** Naive batched matmul with broadcasting, in double precision (operands already un-transposed). */
function reference(a: number[], aShape: number[], b: number[], bShape: number[]): number[] {
  const [m, k] = aShape.slice(-2);
  const n = bShape.at(-1)!;
  const batches = Math.max(a.length / (m * k), b.length / (k * n));
  const out: number[] = [];
  for (let t = 0; t < batches; t++) {
    const ao = (a.length === m * k ? 0 : t) * m * k;
    const bo = (b.length === k * n ? 0 : t) * k * n;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += a[ao + i * k + q] * b[bo + q * n + j];
        out.push(s);
      }
  }
  return out;
}

function transposeLast2(v: number[], shape: number[]): number[] {
  const [r, c] = shape.slice(-2);
  const out: number[] = [];
  for (let base = 0; base < v.length; base += r * c)
    for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out.push(v[base + i * c + j]);
  return out;
}

describe('BATCH_MATMUL float32', () => {
  it('multiplies a 2x3 by a 3x2 matrix', () => {
    const { outputs } = runOp(
      'BATCH_MATMUL',
      [
        { dtype: 'float32', shape: [2, 3], values: [1, 2, 3, 4, 5, 6] },
        { dtype: 'float32', shape: [3, 2], data: [7, 8, 9, 10, 11, 12] },
      ],
      [{ dtype: 'float32', shape: [2, 2] }],
    );
    expect(outputs[0]).toEqual([58, 64, 139, 154]);
  });

  it('honours adj_x and adj_y and broadcasts a rank-2 RHS over LHS batches', () => {
    const a = lcgFloats(2 * 3 * 4 * 5, 2, 3);
    const b = lcgFloats(5 * 6, 2, 4);
    const want = reference(a, [6, 4, 5], b, [5, 6]);
    const aT = transposeLast2(a, [2, 3, 4, 5]);
    const bT = transposeLast2(b, [5, 6]);
    for (const [adjX, adjY] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      const { outputs } = runOp(
        'BATCH_MATMUL',
        [
          { dtype: 'float32', shape: adjX ? [2, 3, 5, 4] : [2, 3, 4, 5], values: adjX ? aT : a },
          { dtype: 'float32', shape: adjY ? [6, 5] : [5, 6], values: adjY ? bT : b },
        ],
        [{ dtype: 'float32', shape: [2, 3, 4, 6] }],
        { adjX, adjY },
      );
      outputs[0].forEach((v, i) => {
        expect(v).toBeCloseTo(want[i], 4);
      });
    }
  });

  it('broadcasts size-1 batch dimensions on both sides', () => {
    const a = lcgFloats(2 * 1 * 2 * 3, 1, 5);
    const b = lcgFloats(1 * 3 * 3 * 2, 1, 6);
    const { outputs } = runOp(
      'BATCH_MATMUL',
      [
        { dtype: 'float32', shape: [2, 1, 2, 3], values: a },
        { dtype: 'float32', shape: [1, 3, 3, 2], values: b },
      ],
      [{ dtype: 'float32', shape: [2, 3, 2, 2] }],
    );
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) {
        const want = reference(a.slice(i * 6, i * 6 + 6), [2, 3], b.slice(j * 6, j * 6 + 6), [3, 2]);
        want.forEach((w, q) => {
          expect(outputs[0][(i * 3 + j) * 4 + q]).toBeCloseTo(w, 5);
        });
      }
  });
});

describe('BATCH_MATMUL int8 / int16', () => {
  it('applies zero points and the output multiplier (int8)', () => {
    // (2+1)(3-1) + (5+1)(4-1) = 24; multiplier 0.5 * 0.25 / 0.125 = 1.
    const { outputs, interp } = runOp(
      'BATCH_MATMUL',
      [
        { dtype: 'int8', shape: [1, 2], values: [3, 4], quant: { scale: 0.5, zeroPoint: 1 } },
        { dtype: 'int8', shape: [2, 1], values: [2, 5], quant: { scale: 0.25, zeroPoint: -1 } },
      ],
      [{ dtype: 'int8', shape: [1, 1], quant: { scale: 0.125, zeroPoint: 0 } }],
    );
    expect(outputs[0]).toEqual([24]);
    expect(interp.ops[0].kernel.scratchBytes?.(interp.ops[0].prepared)).toBe(2);
  });

  it('saturates int8 and stays within one step of the real product', () => {
    const a = randomInts(12, -128, 127, 7);
    const b = randomInts(12, -128, 127, 8);
    const qa = { scale: 0.02, zeroPoint: 5 };
    const qb = { scale: 0.03, zeroPoint: -3 };
    const qo = { scale: 0.5, zeroPoint: 2 };
    const { outputs } = runOp(
      'BATCH_MATMUL',
      [
        { dtype: 'int8', shape: [3, 4], values: a, quant: qa },
        { dtype: 'int8', shape: [4, 3], values: b, quant: qb },
      ],
      [{ dtype: 'int8', shape: [3, 3], quant: qo }],
    );
    const real = reference(
      a.map((v) => (v - 5) * 0.02),
      [3, 4],
      b.map((v) => (v + 3) * 0.03),
      [4, 3],
    );
    real.forEach((r, i) => {
      const q = Math.max(-128, Math.min(127, r / 0.5 + 2));
      expect(Math.abs(outputs[0][i] - q)).toBeLessThanOrEqual(1);
    });
  });

  it('multiplies int16 with a 64-bit accumulator', () => {
    const q = { scale: 1 / 1024, zeroPoint: 0 };
    const { outputs } = runOp(
      'BATCH_MATMUL',
      [
        { dtype: 'int16', shape: [1, 2], values: [32767, -32768], quant: q },
        { dtype: 'int16', shape: [2, 2], values: [1024, 2048, 1024, -2048], quant: q },
      ],
      [{ dtype: 'int16', shape: [1, 2], quant: { scale: 1 / 16, zeroPoint: 0 } }],
    );
    // Multiplier 2^-16: (32767 - 32768) * 1024 -> 0 and 65535 * 2048 * 2^-16 -> 2048.
    expect(outputs[0]).toEqual([0, 2048]);
  });

  it('rejects inner-dimension mismatches, non-zero int16 zero points; reports hybrids as unsupported', () => {
    const f = (shape: number[]) => ({ dtype: 'float32' as const, shape, values: new Array(6).fill(0) });
    expect(
      prepareError('BATCH_MATMUL', [f([2, 3]), f([2, 3])], [{ dtype: 'float32', shape: [2, 3] }]),
    ).toBeInstanceOf(KernelPrepareError);
    const q16 = { scale: 1, zeroPoint: 1 };
    const i16 = { dtype: 'int16' as const, shape: [1, 1], values: [0], quant: q16 };
    expect(
      prepareError('BATCH_MATMUL', [i16, i16], [{ dtype: 'int16', shape: [1, 1], quant: q16 }]),
    ).toBeInstanceOf(KernelPrepareError);
    const i8 = { dtype: 'int8' as const, shape: [3, 2], values: new Array(6).fill(0), quant: { scale: 1 } };
    expect(
      prepareError('BATCH_MATMUL', [f([2, 3]), i8], [{ dtype: 'float32', shape: [2, 2] }]),
    ).toBeInstanceOf(UnsupportedOperatorError);
  });

  it('reports the adj_x case TFLM folds incorrectly as unsupported', () => {
    const e = prepareError(
      'BATCH_MATMUL',
      [
        { dtype: 'float32', shape: [2, 3, 4], values: new Array(24).fill(0) },
        { dtype: 'float32', shape: [1, 3, 5], values: new Array(15).fill(0) },
      ],
      [{ dtype: 'float32', shape: [2, 4, 5] }],
      { adjX: true },
    );
    expect(e).toBeInstanceOf(UnsupportedOperatorError);
  });
});
