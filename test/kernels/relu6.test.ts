import { describe, expect, it } from 'vitest';
import { floatTensor as f32, quantTensor as q, runOp } from './elementwise-support.js';

describe('RELU6', () => {
  it('clamps raw int8 values between the input zero point and 6 on the input scale', () => {
    // scale 0.1, zero point -10: six = round(6 / 0.1) - 10 = 50.
    const out = runOp(
      'RELU6',
      [q('int8', [6], [-128, -10, 0, 50, 51, 127], 0.1, -10)],
      q('int8', [6], undefined, 0.1, -10),
    );
    expect(out).toEqual([-10, -10, 0, 50, 50, 50]);
  });

  it('clamps float and int16 (six saturating to the type range)', () => {
    expect(runOp('RELU6', [f32([-1, 3, 6.5])], f32(undefined, [3]))).toEqual([0, 3, 6]);
    const i16 = runOp('RELU6', [q('int16', [3], [-5, 100, 32767], 1e-4)], q('int16', [3], undefined, 1e-4));
    expect(i16).toEqual([0, 100, 32767]);
  });
});
