import { describe, expect, it } from 'vitest';
import { runOp } from './elementwise-support.js';

describe('RELU_N1_TO_1', () => {
  it('clamps int8 to [-1, 1] quantized on the output scale', () => {
    const q = { scale: 1 / 64, zeroPoint: 0 };
    const out = runOp('RELU_N1_TO_1', [{ dtype: 'int8', shape: [3], values: [-128, -10, 100], quant: q }], {
      dtype: 'int8',
      shape: [3],
      quant: q,
    });
    expect(out).toEqual([-64, -10, 64]);
  });

  it('clamps float to [-1, 1]', () => {
    const out = runOp('RELU_N1_TO_1', [{ dtype: 'float32', shape: [3], values: [-3, 0.5, 2] }], {
      dtype: 'float32',
      shape: [3],
    });
    expect(out).toEqual([-1, 0.5, 1]);
  });
});
