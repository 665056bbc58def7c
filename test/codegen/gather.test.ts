/** GATHER (runtime/kernels/gather.c), SHAPE, FILL and ZEROS_LIKE in generated C vs the interpreter. */
import { describe, expect, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { kernelCalls, mismatches, opCase, runBoth } from './shape-group-support.js';

const CASES = [
  opCase(
    'gather int8 axis 0, run-time int32 positions',
    'GATHER',
    [
      { dtype: 'int8', shape: [5, 3] },
      { dtype: 'int32', shape: [4], values: [4, 0, 0, 2] },
    ],
    [{ dtype: 'int8', shape: [4, 3] }],
    { axis: 0, batchDims: 0 },
  ),
  opCase(
    'gather float32 axis 1, int64 positions of rank 2',
    'GATHER',
    [
      { dtype: 'float32', shape: [2, 4, 3] },
      { dtype: 'int64', shape: [2, 2], values: [3, 1, 0, 3] },
    ],
    [{ dtype: 'float32', shape: [2, 2, 2, 3] }],
    { axis: 1, batchDims: 0 },
  ),
  opCase(
    'gather int16 batch_dims 1, constant positions',
    'GATHER',
    [
      { dtype: 'int16', shape: [2, 3, 2] },
      { dtype: 'int32', shape: [2, 2], data: [2, 0, 1, 1] },
    ],
    [{ dtype: 'int16', shape: [2, 2, 2] }],
    { axis: 1, batchDims: 1 },
  ),
  opCase('shape int32', 'SHAPE', [{ dtype: 'int8', shape: [2, 7, 1, 3] }], [{ dtype: 'int32', shape: [4] }]),
  opCase('shape int64', 'SHAPE', [{ dtype: 'float32', shape: [5, 6] }], [{ dtype: 'int64', shape: [2] }]),
  opCase(
    'fill float32 with 1.5',
    'FILL',
    [
      { dtype: 'int32', shape: [2], data: [2, 3] },
      { dtype: 'float32', shape: [], values: [1.5] },
    ],
    [{ dtype: 'float32', shape: [2, 3] }],
  ),
  opCase(
    'fill int16 with 0x0102',
    'FILL',
    [
      { dtype: 'int32', shape: [1], data: [5] },
      { dtype: 'int16', shape: [], values: [258] },
    ],
    [{ dtype: 'int16', shape: [5] }],
  ),
  opCase(
    'fill int8 with -3',
    'FILL',
    [
      { dtype: 'int32', shape: [3], data: [1, 2, 2] },
      { dtype: 'int8', shape: [], values: [-3] },
    ],
    [{ dtype: 'int8', shape: [1, 2, 2] }],
  ),
  opCase(
    'fill int64 with a wide value',
    'FILL',
    [
      { dtype: 'int32', shape: [1], data: [3] },
      { dtype: 'int64', shape: [], values: [-123456789012] },
    ],
    [{ dtype: 'int64', shape: [3] }],
  ),
  opCase(
    'zeros_like int8 with a zero point writes 0',
    'ZEROS_LIKE',
    [{ dtype: 'int8', shape: [3, 2], quant: { scale: 0.5, zeroPoint: 9 } }],
    [{ dtype: 'int8', shape: [3, 2], quant: { scale: 0.5, zeroPoint: 9 } }],
  ),
  opCase(
    'zeros_like float32',
    'ZEROS_LIKE',
    [{ dtype: 'float32', shape: [4] }],
    [{ dtype: 'float32', shape: [4] }],
  ),
];

/** Positions outside the axis: TFLM fails the invoke, the C kernel writes those slices as zeros. */
function outOfRange() {
  const c = opCase(
    'gather int16 positions -1 and 3 outside [0, 3) give zero slices',
    'GATHER',
    [
      { dtype: 'int16', shape: [3, 2], values: [1, 2, 3, 4, 5, 6] },
      { dtype: 'int32', shape: [3], values: [-1, 2, 3] },
    ],
    [{ dtype: 'int16', shape: [3, 2] }],
    { axis: 0, batchDims: 0 },
  );
  return { ...c, expected: [new Uint8Array(new Int16Array([0, 0, 5, 6, 0, 0]).buffer)] };
}

describe.skipIf(!hostCcAvailable)('C: GATHER / SHAPE / FILL / ZEROS_LIKE', () => {
  it('every case is byte-identical to the interpreter', { timeout: 120_000 }, async () => {
    const results = await runBoth(CASES);
    expect(mismatches(results)).toEqual([]);
    expect(results.map((r) => kernelCalls(r).join())).toEqual([
      ...new Array(3).fill('tf_gather'),
      'memcpy',
      'memcpy',
      ...new Array(4).fill('tf_fill_elements'),
      'memset',
      'memset',
    ]);
  });

  it('writes zeros for positions outside the axis instead of reading out of bounds', {
    timeout: 120_000,
  }, async () => {
    expect(mismatches(await runBoth([outOfRange()]))).toEqual([]);
  });
});
