/** RESIZE_NEAREST_NEIGHBOR and RESIZE_BILINEAR in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, int32Const, oneOp, q } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

type Mode = '' | 'align' | 'half';

function resize(
  opcode: string,
  dtype: DType,
  shape: number[],
  size: [number, number],
  mode: Mode,
  given?: number[],
): NativeCase {
  const quant = dtype === 'float32' ? undefined : q(0.1, -4);
  const [b, , , d] = shape;
  return oneOp(
    `${opcode} ${dtype} [${shape}] -> ${size.join('x')} ${mode}${given ? ' given' : ''}`.trim(),
    opcode,
    [input(dtype, shape, quant, given), int32Const(size)],
    { dtype, shape: [b, size[0], size[1], d], quant },
    { alignCorners: mode === 'align', halfPixelCenters: mode === 'half' },
  );
}

const NN = 'RESIZE_NEAREST_NEIGHBOR';
const BL = 'RESIZE_BILINEAR';

const CASES: NativeCase[] = [
  // 0-5: nearest neighbour (pixels of 1, 4, and other byte sizes; up and down).
  resize(NN, 'int8', [1, 3, 4, 1], [6, 8], ''),
  resize(NN, 'int8', [2, 5, 7, 3], [3, 4], 'align'),
  resize(NN, 'int16', [1, 4, 3, 2], [7, 5], ''),
  resize(NN, 'float32', [1, 3, 3, 1], [5, 7], 'align'),
  resize(NN, 'float32', [2, 4, 4, 3], [8, 2], ''),
  resize(NN, 'int8', [1, 2, 2, 4], [4, 4], ''),
  // 6-11: bilinear (half-pixel upsampling samples before the first row: negative offsets).
  resize(BL, 'int8', [1, 3, 4, 2], [6, 8], ''),
  resize(BL, 'int8', [2, 5, 7, 3], [3, 4], 'align'),
  resize(BL, 'int8', [1, 4, 3, 5], [9, 7], 'half'),
  resize(BL, 'float32', [1, 3, 4, 2], [6, 8], ''),
  resize(BL, 'float32', [2, 5, 7, 3], [3, 4], 'align'),
  resize(BL, 'float32', [1, 4, 3, 5], [9, 7], 'half'),
  // TFLM's trailing "+ 0" turns an all -0 interpolation into +0.
  resize(BL, 'float32', [1, 2, 2, 1], [3, 3], '', [-0, -0, -0, -0]),
];

describe.skipIf(!hostCcAvailable)('C: RESIZE_NEAREST_NEIGHBOR / RESIZE_BILINEAR', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_resize_nearest_neighbor']);
    expect(kernelCalls(results[8])).toEqual(['tf_resize_bilinear_s8']);
    expect(kernelCalls(results[11])).toEqual(['tf_resize_bilinear_f32']);
    expect(results[8].source).toMatch(/_dy\[9\] = \{\n\s+-\d+,/);
  });
});
