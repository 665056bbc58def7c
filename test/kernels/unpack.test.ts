import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

describe('UNPACK', () => {
  it('splits along an axis, dropping it', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: [1, 2, 3, 4, 5, 6] };
    const outs = [0, 1, 2].map(() => ({ dtype: 'int8' as const, shape: [2] }));
    expect(runOp('UNPACK', [input], outs, { num: 3, axis: 1 })).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    const rows = [0, 1].map(() => ({ dtype: 'int8' as const, shape: [3] }));
    expect(runOp('UNPACK', [input], rows, { num: 2, axis: -2 })).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('moves float32, int16 and int32', () => {
    const f = { dtype: 'float32' as const, shape: [2], values: [1.25, -8] };
    const fo = [0, 1].map(() => ({ dtype: 'float32' as const, shape: [] }));
    expect(runOp('UNPACK', [f], fo, { num: 2, axis: 0 })).toEqual([[1.25], [-8]]);
    const s = { dtype: 'int16' as const, shape: [1, 2], values: [-300, 300] };
    expect(runOp('UNPACK', [s], [{ dtype: 'int16', shape: [2] }], { num: 1, axis: 0 })).toEqual([
      [-300, 300],
    ]);
    const i = { dtype: 'int32' as const, shape: [2, 1], values: [-7, 7] };
    const io = [0, 1].map(() => ({ dtype: 'int32' as const, shape: [1] }));
    expect(runOp('UNPACK', [i], io, { num: 2, axis: 0 })).toEqual([[-7], [7]]);
  });

  it('rejects a num that is not the axis size and wrong output shapes', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: [1, 2, 3, 4, 5, 6] };
    const two = [0, 1].map(() => ({ dtype: 'int8' as const, shape: [2] }));
    expect(() => prepareOp('UNPACK', [input], two, { num: 2, axis: 1 })).toThrow(KernelPrepareError);
    expect(() => prepareOp('UNPACK', [input], two, { num: 2, axis: 0 })).toThrow(/should be \[3\]/);
  });
});
