import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { lcgFloats, poolOptions as pool, prepareError, runOp } from './pool-reduce-support.js';

describe('MAX_POOL_2D float32', () => {
  it('ignores SAME padding instead of treating it as zeros', () => {
    const values = [-1, -2, -3, -4, -5, -6, -7, -8, -9];
    const { outputs } = runOp(
      'MAX_POOL_2D',
      [{ dtype: 'float32', shape: [1, 3, 3, 1], values }],
      [{ dtype: 'float32', shape: [1, 2, 2, 1] }],
      pool(2, 2, 2, 2, 'SAME'),
    );
    expect(outputs[0]).toEqual([-1, -3, -7, -9]);
  });

  it('matches a window-max reference with RELU_N1_TO_1', () => {
    const values = lcgFloats(2 * 4 * 4 * 2, 3, 13);
    const { outputs } = runOp(
      'MAX_POOL_2D',
      [{ dtype: 'float32', shape: [2, 4, 4, 2], values }],
      [{ dtype: 'float32', shape: [2, 3, 3, 2] }],
      pool(2, 2, 1, 1, 'VALID', 'RELU_N1_TO_1'),
    );
    let k = 0;
    for (let b = 0; b < 2; b++)
      for (let oy = 0; oy < 3; oy++)
        for (let ox = 0; ox < 3; ox++)
          for (let c = 0; c < 2; c++) {
            let m = -Infinity;
            for (let y = oy; y < oy + 2; y++)
              for (let x = ox; x < ox + 2; x++) m = Math.max(m, values[((b * 4 + y) * 4 + x) * 2 + c]);
            expect(outputs[0][k++]).toBe(Math.min(1, Math.max(-1, m)));
          }
  });
});

describe('MAX_POOL_2D int8 / int16', () => {
  it('takes the int8 maximum and clamps to RELU6', () => {
    // scale 0.1, zero point -128: RELU6 range is [-128, -128 + 60].
    const q = { scale: 0.1, zeroPoint: -128 };
    const { outputs, interp } = runOp(
      'MAX_POOL_2D',
      [{ dtype: 'int8', shape: [1, 2, 2, 2], values: [-128, 0, -100, 5, -120, 7, -90, 127], quant: q }],
      [{ dtype: 'int8', shape: [1, 1, 1, 2], quant: q }],
      pool(2, 2, 2, 2, 'VALID', 'RELU6'),
    );
    expect(outputs[0]).toEqual([-90, -68]);
    expect(interp.ops[0].prepared).toMatchObject({ actMin: -128, actMax: -68 });
  });

  it('takes the int16 maximum over strided SAME windows', () => {
    const values = randomInts(25, -32768, 32767, 17);
    const q = { scale: 1 / 4096, zeroPoint: 0 };
    const { outputs } = runOp(
      'MAX_POOL_2D',
      [{ dtype: 'int16', shape: [1, 5, 5, 1], values, quant: q }],
      [{ dtype: 'int16', shape: [1, 3, 3, 1], quant: q }],
      pool(3, 3, 2, 2, 'SAME'),
    );
    // out 3; total padding 2*2+3-5 = 2 -> 1 before.
    let k = 0;
    for (let oy = 0; oy < 3; oy++)
      for (let ox = 0; ox < 3; ox++) {
        let m = -32768;
        for (let y = oy * 2 - 1; y < oy * 2 + 2; y++)
          for (let x = ox * 2 - 1; x < ox * 2 + 2; x++)
            if (y >= 0 && y < 5 && x >= 0 && x < 5) m = Math.max(m, values[y * 5 + x]);
        expect(outputs[0][k++]).toBe(m);
      }
  });

  it('rejects mismatched zero points', () => {
    const e = prepareError(
      'MAX_POOL_2D',
      [{ dtype: 'int8', shape: [1, 2, 2, 1], values: [0, 0, 0, 0], quant: { scale: 0.1, zeroPoint: 0 } }],
      [{ dtype: 'int8', shape: [1, 1, 1, 1], quant: { scale: 0.1, zeroPoint: 1 } }],
      pool(2, 2, 2, 2, 'VALID'),
    );
    expect(e).toBeInstanceOf(KernelPrepareError);
  });
});
