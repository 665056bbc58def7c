import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { randomInts } from './elementwise-support.js';
import { poolOptions as pool, prepareError, runOp } from './pool-reduce-support.js';

describe('AVERAGE_POOL_2D float32', () => {
  it('averages only the in-bounds part of SAME windows', () => {
    // 3x3 input, 2x2 windows, stride 2: padding 0 before, one column/row after.
    const { outputs } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'float32', shape: [1, 3, 3, 1], values: [1, 2, 3, 4, 5, 6, 7, 8, 9] }],
      [{ dtype: 'float32', shape: [1, 2, 2, 1] }],
      pool(2, 2, 2, 2, 'SAME'),
    );
    expect(outputs[0]).toEqual([3, 4.5, 7.5, 9]);
  });

  it('pads before the input when the total padding is even (3x3 window, stride 1)', () => {
    const { outputs } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'float32', shape: [1, 2, 2, 1], values: [1, 2, 3, 4] }],
      [{ dtype: 'float32', shape: [1, 2, 2, 1] }],
      pool(3, 3, 1, 1, 'SAME'),
    );
    expect(outputs[0]).toEqual([2.5, 2.5, 2.5, 2.5]);
  });

  it('clamps to RELU6 per channel on VALID windows', () => {
    const values = [1, 10, 3, 12, 5, -14, 7, -16];
    const { outputs } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'float32', shape: [1, 2, 2, 2], values }],
      [{ dtype: 'float32', shape: [1, 1, 1, 2] }],
      pool(2, 2, 1, 1, 'VALID', 'RELU6'),
    );
    expect(outputs[0]).toEqual([4, 0]);
  });
});

describe('AVERAGE_POOL_2D int8 / int16', () => {
  it('rounds half away from zero', () => {
    // channels: [1,2] -> 1.5 -> 2, [-1,-2] -> -2, [-1,2] -> 0.5 -> 1, [1,-2] -> -0.5 -> -1.
    const q = { scale: 0.1, zeroPoint: 0 };
    const { outputs } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'int8', shape: [1, 1, 2, 4], values: [1, -1, -1, 1, 2, -2, 2, -2], quant: q }],
      [{ dtype: 'int8', shape: [1, 1, 1, 4], quant: q }],
      pool(1, 2, 1, 1, 'VALID'),
    );
    expect(outputs[0]).toEqual([2, -2, 1, -1]);
  });

  it('clamps to RELU at the output zero point', () => {
    const q = { scale: 0.5, zeroPoint: -10 };
    const { outputs, interp } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'int8', shape: [1, 2, 2, 1], values: [-128, -20, -30, 127], quant: q }],
      [{ dtype: 'int8', shape: [1, 1, 2, 1], quant: q }],
      pool(2, 1, 1, 1, 'VALID', 'RELU'),
    );
    // (-128 - 30) / 2 = -79 -> clamp -10; (-20 + 127) / 2 = 53.5 -> 54.
    expect(outputs[0]).toEqual([-10, 54]);
    expect(interp.ops[0].prepared).toMatchObject({ actMin: -10, actMax: 127, padH: 0, padW: 0 });
  });

  it('matches a window-average reference on a strided int8 SAME pool', () => {
    const [h, w, d] = [5, 6, 3];
    const values = randomInts(h * w * d, -128, 127, 21);
    const q = { scale: 0.02, zeroPoint: 3 };
    const { outputs } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'int8', shape: [1, h, w, d], values, quant: q }],
      [{ dtype: 'int8', shape: [1, 2, 3, d], quant: q }],
      pool(3, 3, 3, 2, 'SAME'),
    );
    // out 2x3; total padding H = 1*3+3-5 = 1 -> 0 before; W = 2*2+3-6 = 1 -> 0 before.
    let k = 0;
    for (let oy = 0; oy < 2; oy++) {
      for (let ox = 0; ox < 3; ox++) {
        for (let c = 0; c < d; c++) {
          const win: number[] = [];
          for (let y = oy * 3; y < Math.min(h, oy * 3 + 3); y++)
            for (let x = ox * 2; x < Math.min(w, ox * 2 + 3); x++) win.push(values[(y * w + x) * d + c]);
          const s = win.reduce((a, b) => a + b, 0);
          const avg = Math.sign(s) * Math.floor(Math.abs(s) / win.length + 0.5);
          expect(outputs[0][k++]).toBe(avg);
        }
      }
    }
  });

  it('averages int16 without overflow', () => {
    const q = { scale: 1 / 32768, zeroPoint: 0 };
    const { outputs } = runOp(
      'AVERAGE_POOL_2D',
      [{ dtype: 'int16', shape: [1, 2, 2, 1], values: [32767, 32767, 32767, 32766], quant: q }],
      [{ dtype: 'int16', shape: [1, 1, 1, 1], quant: q }],
      pool(2, 2, 2, 2, 'VALID'),
    );
    expect(outputs[0]).toEqual([32767]);
  });
});

describe('AVERAGE_POOL_2D prepare', () => {
  const input = (dtype: 'int8' | 'int32', quant?: { scale: number }) => ({
    dtype,
    shape: [1, 2, 2, 1],
    values: [0, 0, 0, 0],
    quant,
  });

  it('rejects a change of quantization and a wrong output size', () => {
    const e1 = prepareError(
      'AVERAGE_POOL_2D',
      [input('int8', { scale: 0.1 })],
      [{ dtype: 'int8', shape: [1, 1, 1, 1], quant: { scale: 0.2 } }],
      pool(2, 2, 2, 2, 'VALID'),
    );
    expect(e1).toBeInstanceOf(KernelPrepareError);
    const e2 = prepareError(
      'AVERAGE_POOL_2D',
      [input('int8', { scale: 0.1 })],
      [{ dtype: 'int8', shape: [1, 2, 2, 1], quant: { scale: 0.1 } }],
      pool(2, 2, 2, 2, 'VALID'),
    );
    expect(e2).toBeInstanceOf(KernelPrepareError);
  });

  it('reports int32 and a fused TANH as unsupported', () => {
    const e1 = prepareError(
      'AVERAGE_POOL_2D',
      [input('int32')],
      [{ dtype: 'int32', shape: [1, 1, 1, 1] }],
      pool(2, 2, 2, 2, 'VALID'),
    );
    expect(e1).toBeInstanceOf(UnsupportedOperatorError);
    const e2 = prepareError(
      'AVERAGE_POOL_2D',
      [input('int8', { scale: 0.1 })],
      [{ dtype: 'int8', shape: [1, 1, 1, 1], quant: { scale: 0.1 } }],
      pool(2, 2, 2, 2, 'VALID', 'TANH'),
    );
    expect(e2).toBeInstanceOf(UnsupportedOperatorError);
  });
});
