import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { invoke, opInterpreter, type T } from './fc-group-support.js';

/**
 * batch 1, input 2, filters 2, rank 1, memory 2. feature weights [[1,2],[3,-1]], time weights
 * [[1,2],[-1,1]], bias [0,5]. With x = [2,1] the new state column is [4,5]: outputs 2*4 = 8 and
 * 5 + 1*5 = 10. Then x = [-1,1]: state rows [4,1] and [5,-4]: outputs 4+2 = 6 and 5-5-4 = -4.
 */
function svdf(
  kind: 'float32' | 'int8',
  stateDType: DType,
  stateZp: number,
  wf = [1, 2, 3, -1],
  act = 'NONE',
) {
  const q = (scale: number, zeroPoint = 0) => (kind === 'float32' ? undefined : { scale, zeroPoint });
  const weightType: DType = kind === 'float32' ? 'float32' : 'int8';
  const timeType: DType = kind === 'float32' ? 'float32' : stateDType;
  const inputs: T[] = [
    { dtype: weightType, shape: [1, 2], quant: q(1) },
    { dtype: weightType, shape: [2, 2], values: wf, quant: q(1) },
    { dtype: timeType, shape: [2, 2], values: [1, 2, -1, 1], quant: q(1) },
    { dtype: kind === 'float32' ? 'float32' : 'int32', shape: [2], values: [0, 5], quant: q(1) },
    { dtype: timeType, shape: [1, 4], variable: true, quant: q(1, stateZp) },
  ];
  return opInterpreter(
    'SVDF',
    inputs,
    { dtype: weightType, shape: [1, 2], quant: q(1) },
    {
      rank: 1,
      fusedActivationFunction: act,
    },
  );
}

describe('SVDF', () => {
  it('keeps a memory of past feature activations (int8 input, int16 state)', () => {
    const interp = svdf('int8', 'int16', 0);
    expect(invoke(interp, [2, 1])).toEqual([8, 10]);
    expect(invoke(interp, [-1, 1])).toEqual([6, -4]);
  });

  it('starts an int8 state at its zero point and subtracts it in the time step', () => {
    const interp = svdf('int8', 'int8', 3);
    expect(invoke(interp, [2, 1])).toEqual([8, 10]);
    expect(invoke(interp, [-1, 1])).toEqual([6, -4]);
  });

  it('resets the state on Interpreter.reset()', () => {
    const interp = svdf('int8', 'int8', 3);
    invoke(interp, [2, 1]);
    invoke(interp, [-1, 1]);
    interp.reset();
    expect(invoke(interp, [2, 1])).toEqual([8, 10]);
  });

  it('clamps the new state value before adding the zero point, as TFLM does (an int8 state can wrap)', () => {
    // Feature 127 clamps to 127, + 3 wraps to -126; the time step then sees -126 - 3 = -129.
    const interp = svdf('int8', 'int8', 3, [127, 0, 0, 0]);
    expect(invoke(interp, [1, 0])).toEqual([-128, 5]);
  });

  it('computes the same in float32 and applies the fused activation there', () => {
    const interp = svdf('float32', 'float32', 0, [1, 2, 3, -1], 'RELU');
    expect(invoke(interp, [2, 1])).toEqual([8, 10]);
    expect(invoke(interp, [-1, 1])).toEqual([6, 0]);
  });

  it('requires a variable state and a rank that divides the filters', () => {
    const make = (variable: boolean, rank: number) => () =>
      opInterpreter(
        'SVDF',
        [
          { dtype: 'float32', shape: [1, 2] },
          { dtype: 'float32', shape: [2, 2], values: [1, 2, 3, 4] },
          { dtype: 'float32', shape: [2, 2], values: [1, 2, 3, 4] },
          null,
          { dtype: 'float32', shape: [1, 4], variable, values: variable ? undefined : [0, 0, 0, 0] },
        ],
        { dtype: 'float32', shape: [1, 2 / rank] },
        { rank, fusedActivationFunction: 'NONE' },
      );
    expect(make(true, 1)).not.toThrow();
    expect(make(false, 1)).toThrow(KernelPrepareError);
    expect(make(true, 3)).toThrow(KernelPrepareError);
  });
});
