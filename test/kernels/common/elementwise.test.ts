import { describe, expect, it } from 'vitest';
import {
  type BroadcastPlan,
  broadcastShape,
  forEachRun,
  needsBroadcast,
  planBroadcast,
} from '../../../src/kernels/common/elementwise.js';
import { elementCount } from '../../../src/tflite/verify.js';
import { randomInts } from '../elementwise-support.js';

/** Input element indices of every output element, walking the plan. */
function walk(plan: BroadcastPlan, count: number): number[][] {
  const seen: number[][] = Array.from({ length: count }, () => []);
  forEachRun(plan, (o, i1, s1, i2, s2, n, i3, s3) => {
    for (let k = 0; k < n; k++)
      seen[o + k] = [i1 + k * s1, i2 + k * s2, i3 + k * s3].slice(0, plan.strides.length);
  });
  return seen;
}

/** The same indices computed naively from row-major coordinates. */
function naive(shapes: number[][], out: number[]): number[][] {
  const count = elementCount(out);
  return Array.from({ length: count }, (_, flat) => {
    const coord: number[] = [];
    let r = flat;
    for (let d = out.length - 1; d >= 0; d--) {
      coord[d] = r % out[d];
      r = Math.floor(r / out[d]);
    }
    return shapes.map((s) => {
      const ext = [...new Array(out.length - s.length).fill(1), ...s];
      return ext.reduce((idx, dim, d) => idx * dim + (dim === 1 ? 0 : coord[d]), 0);
    });
  });
}

describe('broadcast helpers', () => {
  it('computes broadcast shapes as TFLite does', () => {
    expect(
      broadcastShape([
        [2, 1, 3],
        [4, 1],
      ]),
    ).toEqual([2, 4, 3]);
    expect(broadcastShape([[], [5]])).toEqual([5]);
    expect(
      broadcastShape([
        [2, 3],
        [3, 2],
      ]),
    ).toBeNull();
    expect(needsBroadcast([[1, 4], [4]])).toBe(false);
    expect(needsBroadcast([[2, 4], [4]])).toBe(true);
  });

  it('merges contiguous dimensions into long runs', () => {
    expect(planBroadcast([[1, 8, 8, 16], [16]], [1, 8, 8, 16])).toEqual({
      dims: [64, 16],
      strides: [
        [16, 1],
        [0, 1],
      ],
    });
    expect(
      planBroadcast(
        [
          [2, 3],
          [2, 3],
        ],
        [2, 3],
      ),
    ).toEqual({ dims: [6], strides: [[1], [1]] });
  });

  it('visits the same input elements as naive indexing for random shapes up to 6D', () => {
    const dimsPool = randomInts(400, 1, 3, 5);
    const pick = randomInts(400, 0, 1, 9);
    let at = 0;
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + (trial % 6);
      const out = Array.from({ length: rank }, () => dimsPool[at++]);
      const shapes = [0, 1, 2].map((k) => {
        const r = Math.max(0, rank - ((trial + k) % 3));
        return out.slice(rank - r).map((d) => (pick[at++ % 400] ? d : 1));
      });
      const plan = planBroadcast(shapes, out);
      expect(walk(plan, elementCount(out))).toEqual(naive(shapes, out));
    }
  });
});
