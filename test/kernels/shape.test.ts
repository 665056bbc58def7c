import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { prepareOp, runOp } from './shape-support.js';

const input = { dtype: 'int8' as const, shape: [2, 3, 1], values: [1, 2, 3, 4, 5, 6] };

describe('SHAPE', () => {
  it('writes the input dimensions as int32 or int64', () => {
    expect(runOp('SHAPE', [input], [{ dtype: 'int32', shape: [3] }], { outType: 'int32' })[0]).toEqual([
      2, 3, 1,
    ]);
    expect(runOp('SHAPE', [input], [{ dtype: 'int64', shape: [3] }], { outType: 'int64' })[0]).toEqual([
      2, 3, 1,
    ]);
  });

  it('rejects an output of the wrong length and reports other dtypes as unsupported', () => {
    expect(() => prepareOp('SHAPE', [input], [{ dtype: 'int32', shape: [2] }])).toThrow(KernelPrepareError);
    expect(() => prepareOp('SHAPE', [input], [{ dtype: 'float32', shape: [3] }])).toThrow(
      UnsupportedOperatorError,
    );
  });
});
