/** STRIDED_SLICE and SLICE in generated C (tf_strided_copy) vs the interpreter, incl. seeded random slices. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/run/inputs.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { kernelCalls, mismatches, type NativeCase, opCase, runBoth } from './shape-group-support.js';

const vec = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

function strided(
  label: string,
  dtype: DType,
  shape: number[],
  outShape: number[],
  [begin, end, strides]: number[][],
  options: BuiltinOptions = {},
): NativeCase {
  return opCase(
    label,
    'STRIDED_SLICE',
    [{ dtype, shape }, vec(begin), vec(end), vec(strides)],
    [{ dtype, shape: outShape }],
    options,
  );
}

/** Python's slice length for one axis (begin/end clamped per direction). */
function sliceLength(n: number, begin: number, end: number, stride: number): number {
  const norm = (x: number) => (x < 0 ? x + n : x);
  const [lo, hi] = stride > 0 ? [0, n] : [-1, n - 1];
  const clamp = (x: number) => Math.min(Math.max(norm(x), lo), hi);
  const span = stride > 0 ? clamp(end) - clamp(begin) : clamp(begin) - clamp(end);
  return Math.max(0, Math.ceil(span / Math.abs(stride)));
}

function randomSlices(count: number): NativeCase[] {
  const r = seededRandom(31);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const dtypes: DType[] = ['int8', 'int16', 'float32', 'int64'];
  return Array.from({ length: count }, (_, k) => {
    const shape = Array.from({ length: int(1, 5) }, () => int(1, 6));
    const strides = shape.map(() => (r() < 0.3 ? -int(1, 3) : int(1, 3)));
    // Mostly non-empty ranges, written with negative indices or past the ends at random.
    const spell = (x: number, n: number) =>
      r() < 0.3 && x < n ? x - n : r() < 0.2 ? x + (x >= n ? 5 : 0) : x;
    const begin = shape.map((n) => int(0, n - 1));
    const end = shape.map((n, i) => (strides[i] > 0 ? int(begin[i] + 1, n) : int(-1, begin[i] - 1)));
    begin.forEach((b, i) => {
      begin[i] = spell(b, shape[i]);
      end[i] = end[i] < 0 ? -shape[i] - 1 - int(0, 2) : spell(end[i], shape[i]);
    });
    const out = shape.map((n, i) => sliceLength(n, begin[i], end[i], strides[i]));
    const dtype = dtypes[k % dtypes.length];
    return strided(`random ${k}: ${dtype} [${shape}] ${begin}:${end}:${strides}`, dtype, shape, out, [
      begin,
      end,
      strides,
    ]);
  });
}

const CASES = [
  strided(
    'int16 seanet-like: one axis, one memcpy',
    'int16',
    [1, 8, 166, 2],
    [1, 6, 166, 2],
    [
      [0, 2, 0, 0],
      [1, 8, 166, 2],
      [1, 1, 1, 1],
    ],
  ),
  strided(
    'int8 stride 3 on the last axis',
    'int8',
    [2, 10],
    [2, 3],
    [
      [0, 1],
      [2, 8],
      [1, 3],
    ],
  ),
  strided(
    'float32 reversed with masks',
    'float32',
    [3, 5],
    [3, 5],
    [
      [0, 0],
      [0, 0],
      [-1, -1],
    ],
    {
      beginMask: 3,
      endMask: 3,
    },
  ),
  strided(
    'int8 shrink axis 0',
    'int8',
    [2, 3],
    [3],
    [
      [1, 0],
      [2, 3],
      [1, 1],
    ],
    { shrinkAxisMask: 1 },
  ),
  strided(
    'int16 ellipsis then a slice',
    'int16',
    [2, 3, 4],
    [2, 3, 2],
    [
      [0, 1],
      [0, 3],
      [1, 1],
    ],
    {
      ellipsisMask: 1,
    },
  ),
  strided(
    'int32 new axis',
    'int32',
    [2, 3],
    [1, 2, 2],
    [
      [0, 0, 0],
      [0, 0, 2],
      [1, 1, 1],
    ],
    {
      newAxisMask: 1,
      beginMask: 2,
      endMask: 2,
    },
  ),
  strided('int8 offset mode', 'int8', [6], [2], [[1], [2], [1]], { offset: true }),
  strided('int8 empty result', 'int8', [4], [0], [[3], [1], [1]]),
  strided(
    'float32 rank 5 mixed',
    'float32',
    [2, 3, 4, 2, 3],
    [1, 2, 2, 2, 1],
    [
      [1, 0, -1, 0, 2],
      [2, 3, 0, 2, 3],
      [1, 2, -2, 1, 1],
    ],
  ),
  opCase(
    'slice int8 rank 4 with size -1',
    'SLICE',
    [{ dtype: 'int8', shape: [1, 4, 5, 3] }, vec([0, 1, 2, 0]), vec([-1, 2, -1, 2])],
    [{ dtype: 'int8', shape: [1, 2, 3, 2] }],
  ),
  opCase(
    'slice float32 whole tensor',
    'SLICE',
    [{ dtype: 'float32', shape: [3, 2] }, vec([0, 0]), vec([3, 2])],
    [{ dtype: 'float32', shape: [3, 2] }],
  ),
  ...randomSlices(24),
];

describe.skipIf(!hostCcAvailable)('C: STRIDED_SLICE / SLICE', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    // The seanet-like slice is one contiguous run: the C copy gets a single axis.
    expect(results[0].source).toMatch(/\.count = \{1, 1, 1, 1, 1, 1992\}/);
    expect(kernelCalls(results[7])).toEqual([]);
  });
});
