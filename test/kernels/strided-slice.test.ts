import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import type { DType } from '../../src/tflite/schema.js';
import { iota, prepareOp, runOp } from './shape-support.js';

const vec = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

/** Runs STRIDED_SLICE on iota data of `shape`; returns the output values. */
function slice(
  shape: number[],
  outShape: number[],
  begin: number[],
  end: number[],
  strides: number[],
  options: BuiltinOptions = {},
  dtype: DType = 'int8',
): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  const input = { dtype, shape, values: iota(n) };
  return runOp(
    'STRIDED_SLICE',
    [input, vec(begin), vec(end), vec(strides)],
    [{ dtype, shape: outShape }],
    options,
  )[0];
}

describe('STRIDED_SLICE', () => {
  it('steps forward with a stride', () => {
    expect(slice([10], [3], [1], [8], [3])).toEqual([1, 4, 7]);
  });

  it('steps backward with negative begin, end and stride', () => {
    expect(slice([5], [2], [-1], [0], [-2])).toEqual([4, 2]);
    expect(slice([5], [5], [0], [0], [-1], { beginMask: 1, endMask: 1 })).toEqual([4, 3, 2, 1, 0]);
  });

  it('clamps out-of-range begin and end', () => {
    expect(slice([4], [4], [-100], [100], [1])).toEqual([0, 1, 2, 3]);
    expect(slice([4], [0], [3], [1], [1])).toEqual([]);
  });

  it('shrinks an axis to the begin index', () => {
    // [[0,1,2],[3,4,5]][1, :] and [:, -1]
    expect(slice([2, 3], [3], [1, 0], [2, 3], [1, 1], { shrinkAxisMask: 1 })).toEqual([3, 4, 5]);
    expect(slice([2, 3], [2], [0, -1], [2, 0], [1, 1], { shrinkAxisMask: 2 })).toEqual([2, 5]);
  });

  it('expands an ellipsis into full axes', () => {
    // x[..., 1:3] on [2,3,4]
    const out = slice([2, 3, 4], [2, 3, 2], [0, 1], [0, 3], [1, 1], { ellipsisMask: 1 });
    expect(out).toEqual([1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22]);
  });

  it('inserts new axes of size 1', () => {
    // x[newaxis, :, 0:2] on [2,3]
    const out = slice([2, 3], [1, 2, 2], [0, 0, 0], [0, 0, 2], [1, 1, 1], {
      newAxisMask: 1,
      beginMask: 2,
      endMask: 2,
    });
    expect(out).toEqual([0, 1, 3, 4]);
  });

  it('treats end as a length when offset is set', () => {
    expect(slice([6], [3], [2], [3], [1], { offset: true })).toEqual([2, 3, 4]);
  });

  it('fills unspecified trailing axes fully', () => {
    expect(slice([3, 2], [1, 2], [1], [2], [1])).toEqual([2, 3]);
  });

  it('handles 5-D inputs and inner strides', () => {
    // [1,2,1,2,3][:, 1, :, :, ::2]
    const out = slice([1, 2, 1, 2, 3], [1, 1, 2, 2], [0, 1, 0, 0, 0], [1, 2, 1, 2, 3], [1, 1, 1, 1, 2], {
      shrinkAxisMask: 2,
    });
    expect(out).toEqual([6, 8, 9, 11]);
  });

  it('moves int16, int32, float32 and bool', () => {
    expect(slice([4], [2], [0], [4], [2], {}, 'int16')).toEqual([0, 2]);
    expect(slice([4], [2], [3], [0], [-2], {}, 'int32')).toEqual([3, 1]);
    expect(slice([4], [3], [1], [4], [1], {}, 'float32')).toEqual([1, 2, 3]);
    const b = { dtype: 'bool' as const, shape: [3], values: [1, 0, 1] };
    expect(
      runOp('STRIDED_SLICE', [b, vec([0]), vec([3]), vec([2])], [{ dtype: 'bool', shape: [2] }])[0],
    ).toEqual([1, 1]);
  });

  it('rejects a zero stride, a wrong output shape and an out-of-range shrink index', () => {
    const input = { dtype: 'int8' as const, shape: [4], values: iota(4) };
    const run = (b: number[], e: number[], s: number[], out: number[], o: BuiltinOptions = {}) =>
      prepareOp('STRIDED_SLICE', [input, vec(b), vec(e), vec(s)], [{ dtype: 'int8', shape: out }], o);
    expect(() => run([0], [4], [0], [4])).toThrow(/non-zero/);
    expect(() => run([0], [4], [1], [3])).toThrow(KernelPrepareError);
    expect(() => run([4], [5], [1], [], { shrinkAxisMask: 1 })).toThrow(/out of range/);
  });

  it('reports computed begin/end/strides as unsupported', () => {
    const input = { dtype: 'int8' as const, shape: [4], values: iota(4) };
    const begin = { dtype: 'int32' as const, shape: [1], values: [0] };
    expect(() =>
      prepareOp('STRIDED_SLICE', [input, begin, vec([4]), vec([1])], [{ dtype: 'int8', shape: [4] }]),
    ).toThrow(UnsupportedOperatorError);
  });
});

/** Python's slice(begin, end, step).indices(size), listing the indices it visits. */
function pythonRange(size: number, begin: number | null, end: number | null, step: number): number[] {
  const lo = step > 0 ? 0 : -1;
  const hi = step > 0 ? size : size - 1;
  const fix = (v: number | null, dflt: number) =>
    v === null ? dflt : Math.min(Math.max(v < 0 ? v + size : v, lo), hi);
  const out: number[] = [];
  for (let i = fix(begin, step > 0 ? 0 : size - 1); step > 0 ? i < fix(end, hi) : i > fix(end, lo); i += step)
    out.push(i);
  return out;
}

describe('STRIDED_SLICE against Python slicing', () => {
  it('agrees on 300 seeded random slices of a [4,5,6] tensor', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const shape = [4, 5, 6];
    for (let t = 0; t < 300; t++) {
      const [begin, end, strides] = [[], [], []] as number[][];
      let [beginMask, endMask, shrinkAxisMask] = [0, 0, 0];
      const picks: number[][] = [];
      shape.forEach((n, a) => {
        const shrink = rand(5) === 0;
        const b = rand(2 * n + 5) - n - 2;
        const s = shrink ? 1 : (rand(3) + 1) * (rand(2) ? 1 : -1);
        begin.push(shrink ? rand(2 * n) - n : b);
        end.push(rand(2 * n + 5) - n - 2);
        strides.push(s);
        if (shrink) {
          shrinkAxisMask |= 1 << a;
          picks.push([begin[a] < 0 ? begin[a] + n : begin[a]]);
          return;
        }
        if (rand(4) === 0) beginMask |= 1 << a;
        if (rand(4) === 0) endMask |= 1 << a;
        const masked = (m: number, v: number) => ((m >> a) & 1 ? null : v);
        picks.push(pythonRange(n, masked(beginMask, b), masked(endMask, end[a]), s));
      });
      const expected: number[] = [];
      for (const i of picks[0])
        for (const j of picks[1]) for (const k of picks[2]) expected.push(i * 30 + j * 6 + k);
      const outShape = picks.map((p) => p.length).filter((_, a) => !((shrinkAxisMask >> a) & 1));
      const opts = { beginMask, endMask, shrinkAxisMask };
      expect(slice(shape, outShape, begin, end, strides, opts, 'int16')).toEqual(expected);
    }
  });
});
