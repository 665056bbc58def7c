import { describe, expect, it } from 'vitest';
import { runOp } from './pool-reduce-support.js';

describe('ARG_MIN', () => {
  it('returns the first index of the minimum over the middle axis', () => {
    const values = [3, 1, 1, 2, 0, 9, 5, -1, 7, 7, 0, -1];
    const { outputs } = runOp(
      'ARG_MIN',
      [
        { dtype: 'int8', shape: [2, 3, 2], values, quant: { scale: 1 } },
        { dtype: 'int32', shape: [1], data: [1] },
      ],
      [{ dtype: 'int32', shape: [2, 2] }],
    );
    // [3,1,0] [1,2,9] [5,7,0] [-1,7,-1]
    expect(outputs[0]).toEqual([2, 0, 2, 0]);
  });

  it('works on float32', () => {
    const { outputs } = runOp(
      'ARG_MIN',
      [
        { dtype: 'float32', shape: [4], values: [0.5, -2, 3, -2] },
        { dtype: 'int32', shape: [1], data: [0] },
      ],
      [{ dtype: 'int32', shape: [] }],
    );
    expect(outputs[0]).toEqual([1]);
  });
});
