import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { opInterpreter, randomFloats, randomInts, runOp } from './fc-group-support.js';

const OUT8 = { scale: 16 / 256, zeroPoint: 127 };

function logSoftmaxRow(row: number[]): number[] {
  const max = Math.max(...row);
  const logSum = Math.log(row.reduce((a, v) => a + Math.exp(v - max), 0));
  return row.map((v) => v - max - logSum);
}

describe('LOG_SOFTMAX float32', () => {
  it('computes x - max - log(sum(exp(x - max))) per row', () => {
    const values = randomFloats(12, -4, 4, 31);
    const out = runOp(
      'LOG_SOFTMAX',
      [{ dtype: 'float32', shape: [3, 4] }],
      { dtype: 'float32', shape: [3, 4] },
      [values],
    );
    for (let r = 0; r < 3; r++)
      logSoftmaxRow(values.slice(r * 4, r * 4 + 4)).forEach((v, c) => {
        expect(out[r * 4 + c]).toBeCloseTo(v, 5);
      });
  });
});

describe('LOG_SOFTMAX int8', () => {
  function run(scale: number, shape: number[], values: number[]): number[] {
    return runOp(
      'LOG_SOFTMAX',
      [{ dtype: 'int8', shape, quant: { scale, zeroPoint: 0 } }],
      { dtype: 'int8', shape, quant: OUT8 },
      [values],
    );
  }

  it('gives log(1/4) = -1.386 (-22 steps of 1/16 below 127) to four equal inputs', () => {
    expect(run(0.1, [1, 4], [9, 9, 9, 9])).toEqual([105, 105, 105, 105]);
  });

  it('is within one step of the float log-softmax', () => {
    const scale = 0.05;
    const values = randomInts(32, -128, 127, 32);
    const out = run(scale, [4, 8], values);
    for (let r = 0; r < 4; r++)
      logSoftmaxRow(values.slice(r * 8, r * 8 + 8).map((q) => q * scale)).forEach((v, c) => {
        const expected = Math.max(-128, Math.min(127, v * 16 + 127));
        expect(Math.abs(out[r * 8 + c] - expected)).toBeLessThanOrEqual(1);
      });
  });

  it('needs output scale 16/256 and zero point 127', () => {
    expect(() =>
      opInterpreter('LOG_SOFTMAX', [{ dtype: 'int8', shape: [1, 4], quant: { scale: 0.1, zeroPoint: 0 } }], {
        dtype: 'int8',
        shape: [1, 4],
        quant: { scale: 1 / 256, zeroPoint: -128 },
      }),
    ).toThrow(KernelPrepareError);
  });
});
