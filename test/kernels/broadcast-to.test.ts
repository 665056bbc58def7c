import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const shape = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });

describe('BROADCAST_TO', () => {
  it('repeats a row and a column', () => {
    const row = { dtype: 'int8' as const, shape: [3], values: [1, 2, 3] };
    expect(runOp('BROADCAST_TO', [row, shape([2, 3])], [{ dtype: 'int8', shape: [2, 3] }])[0]).toEqual([
      1, 2, 3, 1, 2, 3,
    ]);
    const col = { dtype: 'float32' as const, shape: [2, 1], values: [1.5, -2] };
    expect(runOp('BROADCAST_TO', [col, shape([2, 3])], [{ dtype: 'float32', shape: [2, 3] }])[0]).toEqual([
      1.5, 1.5, 1.5, -2, -2, -2,
    ]);
  });

  it('copies when nothing broadcasts', () => {
    const same = { dtype: 'int16' as const, shape: [2], values: [-1, 1] };
    expect(runOp('BROADCAST_TO', [same, shape([2])], [{ dtype: 'int16', shape: [2] }])[0]).toEqual([-1, 1]);
  });

  it('rejects shapes that do not broadcast and a shape differing from the output', () => {
    const v = { dtype: 'int8' as const, shape: [2], values: [1, 2] };
    expect(() => prepareOp('BROADCAST_TO', [v, shape([3])], [{ dtype: 'int8', shape: [3] }])).toThrow(
      /does not broadcast/,
    );
    expect(() => prepareOp('BROADCAST_TO', [v, shape([2, 2])], [{ dtype: 'int8', shape: [4, 2] }])).toThrow(
      KernelPrepareError,
    );
  });
});
