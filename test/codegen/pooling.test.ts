/** AVERAGE_POOL_2D, MAX_POOL_2D, L2_POOL_2D in generated C vs the interpreter, byte for byte. */
import { describe, expect, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { input, oneOp, q } from './pool-reduce-support.js';
import { kernelCalls, mismatches, type NativeCase, runBoth } from './shape-group-support.js';

interface Window {
  filter: [number, number];
  stride: [number, number];
  padding: 'SAME' | 'VALID';
  act?: string;
}

function pool(
  opcode: string,
  dtype: DType,
  shape: number[],
  out: [number, number],
  w: Window,
  zeroPoint = 0,
): NativeCase {
  const quant = dtype === 'float32' ? undefined : q(0.05, zeroPoint);
  const [b, , , d] = shape;
  const act = w.act ?? 'NONE';
  return oneOp(
    `${opcode} ${dtype} [${shape}] ${w.filter.join('x')}/${w.stride.join(',')} ${w.padding} ${act} zp ${zeroPoint}`,
    opcode,
    [input(dtype, shape, quant)],
    { dtype, shape: [b, out[0], out[1], d], quant },
    {
      padding: w.padding,
      filterHeight: w.filter[0],
      filterWidth: w.filter[1],
      strideH: w.stride[0],
      strideW: w.stride[1],
      fusedActivationFunction: act,
    },
  );
}

const globalPool: Window = { filter: [6, 6], stride: [2, 2], padding: 'VALID' };
const same3x3s2: Window = { filter: [3, 3], stride: [2, 2], padding: 'SAME' };
const sameOdd: Window = { filter: [2, 3], stride: [1, 2], padding: 'SAME', act: 'RELU' };
const validRelu6: Window = { filter: [2, 2], stride: [2, 1], padding: 'VALID', act: 'RELU6' };

const CASES: NativeCase[] = [
  // person_detect / vww: a global average over the last feature map.
  pool('AVERAGE_POOL_2D', 'int8', [1, 6, 6, 16], [1, 1], globalPool, -128),
  pool('AVERAGE_POOL_2D', 'int8', [2, 5, 7, 3], [3, 4], same3x3s2, 127),
  pool('AVERAGE_POOL_2D', 'int8', [1, 4, 5, 4], [2, 4], validRelu6, 5),
  pool('AVERAGE_POOL_2D', 'int16', [2, 4, 5, 3], [4, 3], sameOdd),
  pool('AVERAGE_POOL_2D', 'float32', [1, 6, 6, 8], [1, 1], globalPool),
  pool('AVERAGE_POOL_2D', 'float32', [2, 5, 7, 3], [3, 4], { ...same3x3s2, act: 'RELU_N1_TO_1' }),
  pool('MAX_POOL_2D', 'int8', [2, 5, 7, 3], [3, 4], same3x3s2, -128),
  pool('MAX_POOL_2D', 'int8', [1, 4, 5, 4], [2, 4], validRelu6, -3),
  pool('MAX_POOL_2D', 'int16', [2, 4, 5, 3], [4, 3], sameOdd),
  pool('MAX_POOL_2D', 'float32', [1, 5, 7, 2], [3, 4], { ...same3x3s2, act: 'RELU6' }),
  pool('MAX_POOL_2D', 'float32', [1, 6, 6, 3], [1, 1], globalPool),
  pool('L2_POOL_2D', 'float32', [2, 5, 7, 3], [3, 4], same3x3s2),
  pool('L2_POOL_2D', 'float32', [1, 4, 5, 2], [4, 3], sameOdd),
  // Windows spanning whole input rows (one run of taps in the C kernels).
  pool(
    'AVERAGE_POOL_2D',
    'int8',
    [1, 5, 3, 4],
    [4, 1],
    { filter: [2, 3], stride: [1, 1], padding: 'VALID' },
    9,
  ),
  pool('AVERAGE_POOL_2D', 'float32', [1, 4, 3, 2], [4, 3], {
    filter: [3, 3],
    stride: [1, 1],
    padding: 'SAME',
  }),
  pool('MAX_POOL_2D', 'int16', [2, 4, 3, 2], [4, 3], { filter: [3, 3], stride: [1, 1], padding: 'SAME' }),
];

describe.skipIf(!hostCcAvailable)('C: AVERAGE_POOL_2D / MAX_POOL_2D / L2_POOL_2D', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(kernelCalls(results[0])).toEqual(['tf_average_pool_2d_s8']);
    expect(kernelCalls(results[8])).toEqual(['tf_max_pool_2d_s16']);
    expect(kernelCalls(results[11])).toEqual(['tf_l2_pool_2d_f32']);
    expect(results[1].source).toMatch(/\.g = \{\.batches = 2, .*\.pad_h = 1, \.pad_w = 1\}/);
  });
});
