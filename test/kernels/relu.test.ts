import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { floatTensor as f32, graphOf, quantTensor as q, runOp } from './elementwise-support.js';

describe('RELU', () => {
  it('rescales int8 to the output scale and clamps at the output zero point', () => {
    // input scale 0.5, output 0.25: out = 2 * (x - 3) + (-5), at least -5.
    const out = runOp(
      'RELU',
      [q('int8', [5], [3, 10, 0, 127, -128], 0.5, 3)],
      q('int8', [5], undefined, 0.25, -5),
    );
    expect(out).toEqual([-5, 9, -5, 127, -5]);
  });

  it('runs int16 (zero points 0) and float, in place', () => {
    const i16 = runOp(
      'RELU',
      [q('int16', [3], [-300, 300, 32767], 2 ** -8)],
      q('int16', [3], undefined, 2 ** -9),
      {
        inPlace: true,
      },
    );
    expect(i16).toEqual([0, 600, 32767]);
    expect(runOp('RELU', [f32([-1.5, 0, 2.25])], f32(undefined, [3]), { inPlace: true })).toEqual([
      0, 0, 2.25,
    ]);
  });

  it('fails on int16 zero points other than 0', () => {
    const g = graphOf('RELU', [q('int16', [2], undefined, 1, 3)], q('int16', [2], undefined, 1));
    expect(() => new Interpreter(g)).toThrow(KernelPrepareError);
  });
});
