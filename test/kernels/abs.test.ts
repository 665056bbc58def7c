import { describe, expect, it } from 'vitest';
import { quantTensor as q, runOp } from './elementwise-support.js';

describe('ABS', () => {
  it('offsets int8 by the zero points without rescaling when the scales match', () => {
    const out = runOp(
      'ABS',
      [q('int8', [4], [-128, 0, 5, 127], 0.1, 5)],
      q('int8', [4], undefined, 0.1, -100),
    );
    // |x - 5| - 100: 133 -> 33, 5 -> -95, 0 -> -100, 122 -> 22
    expect(out).toEqual([33, -95, -100, 22]);
  });

  it('rescales int8 when the scales differ, saturating', () => {
    const out = runOp('ABS', [q('int8', [3], [-3, 100, -128], 0.5)], q('int8', [3], undefined, 0.25), {
      inPlace: true,
    });
    expect(out).toEqual([6, 127, 127]);
  });

  it('handles quantized and plain int16 and float', () => {
    expect(runOp('ABS', [q('int16', [2], [-32768, 7], 1)], q('int16', [2], undefined, 1))).toEqual([
      32767, 7,
    ]);
    const plain = runOp('ABS', [{ dtype: 'int16', shape: [2], values: [-32768, -7] }], {
      dtype: 'int16',
      shape: [2],
    });
    expect(plain).toEqual([-32768, 7]);
    const fl = runOp('ABS', [{ dtype: 'float32', shape: [2], values: [-1.5, -0] }], {
      dtype: 'float32',
      shape: [2],
    });
    expect(fl).toEqual([1.5, 0]);
  });
});
