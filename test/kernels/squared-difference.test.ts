import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { graphOf, quantTensor as q, runOp } from './elementwise-support.js';

describe('SQUARED_DIFFERENCE', () => {
  it('squares int8 differences on the common scale (hand-computed)', () => {
    // s1 = s2 = 0.5, so = 0.25: out = (a' - b')^2 exactly; so = 0.5 halves it, rounding half away.
    const ins = [q('int8', [4], [3, -3, 10, 0], 0.5), q('int8', [4], [1, 1, -2, 0], 0.5)];
    expect(runOp('SQUARED_DIFFERENCE', ins, q('int8', [4], undefined, 0.25))).toEqual([4, 16, 127, 0]);
    const half = [q('int8', [2], [5, 1], 0.5, 2), q('int8', [1], [-1], 0.5, -1)];
    expect(runOp('SQUARED_DIFFERENCE', half, q('int8', [2], undefined, 0.5, -3))).toEqual([5 - 3, -3 + 1]);
  });

  it('squares int16 differences with zero points of 0, saturating', () => {
    const ins = [q('int16', [3], [800, -256, 32767], 2 ** -8), q('int16', [3], [0, 256, -32768], 2 ** -8)];
    expect(runOp('SQUARED_DIFFERENCE', ins, q('int16', [3], undefined, 2 ** -10), { inPlace: true })).toEqual(
      [10000, 4096, 32767],
    );
    const bad = graphOf(
      'SQUARED_DIFFERENCE',
      [q('int16', [1], undefined, 1, 1), q('int16', [1], undefined, 1)],
      q('int16', [1], undefined, 1),
    );
    expect(() => new Interpreter(bad)).toThrow(KernelPrepareError);
  });

  it('computes float32 and wrapping int32', () => {
    const f = runOp(
      'SQUARED_DIFFERENCE',
      [
        { dtype: 'float32', shape: [2], values: [1.5, 0.1] },
        { dtype: 'float32', shape: [1], values: [-0.5] },
      ],
      { dtype: 'float32', shape: [2] },
    );
    expect(f).toEqual([4, Math.fround(Math.fround(Math.fround(0.1) + 0.5) ** 2)]);
    const i = runOp(
      'SQUARED_DIFFERENCE',
      [
        { dtype: 'int32', shape: [2], values: [7, 65536] },
        { dtype: 'int32', shape: [2], values: [-3, 0] },
      ],
      { dtype: 'int32', shape: [2] },
    );
    expect(i).toEqual([100, 0]);
  });
});
