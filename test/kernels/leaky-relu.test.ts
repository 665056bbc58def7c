import { describe, expect, it } from 'vitest';
import { floatTensor as f32, quantTensor as q, runOp } from './elementwise-support.js';

describe('LEAKY_RELU', () => {
  it('scales negative int8 inputs by alpha with SRDHM rounding', () => {
    // equal scales: identity multiplier 1, alpha 0.5; -3 * 0.5 = -1.5 -> -1, -5 -> -2.5 -> -2.
    const out = runOp(
      'LEAKY_RELU',
      [q('int8', [4], [-3, -5, 7, -128], 0.1)],
      q('int8', [4], undefined, 0.1),
      {
        options: { alpha: 0.5 },
      },
    );
    expect(out).toEqual([-1, -2, 7, -64]);
  });

  it('applies zero points, a negative alpha and int16', () => {
    const zp = runOp(
      'LEAKY_RELU',
      [q('int8', [3], [14, 6, 127], 0.1, 10)],
      q('int8', [3], undefined, 0.1, -10),
      {
        options: { alpha: -0.5 },
      },
    );
    // x' = [4, -4, 117]: [4, 2, 117] - 10 (117 - 10 = 107).
    expect(zp).toEqual([-6, -8, 107]);
    const i16 = runOp(
      'LEAKY_RELU',
      [q('int16', [3], [-1000, 1000, -32768], 2 ** -10)],
      q('int16', [3], undefined, 2 ** -10),
      {
        options: { alpha: 0.25 },
        inPlace: true,
      },
    );
    expect(i16).toEqual([-250, 1000, -8192]);
  });

  it('computes float in single precision', () => {
    const out = runOp('LEAKY_RELU', [f32([-1, 2, -0.3])], f32(undefined, [3]), { options: { alpha: 0.2 } });
    expect(out).toEqual([
      Math.fround(-Math.fround(0.2)),
      2,
      Math.fround(Math.fround(-0.3) * Math.fround(0.2)),
    ]);
  });
});
