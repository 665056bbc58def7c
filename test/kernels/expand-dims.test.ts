import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { encodeValues } from '../../src/tflite/model-builder.js';
import { decode } from './elementwise-support.js';
import { opGraph, prepareOp, runOp } from './shape-support.js';

const axis = (v: number) => ({ dtype: 'int32' as const, shape: [1], data: [v] });

describe('EXPAND_DIMS', () => {
  it('inserts a size-1 dimension at the axis, negative axes counted from rank + 1', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: [1, 2, 3, -4, -5, -6] };
    expect(runOp('EXPAND_DIMS', [input, axis(-1)], [{ dtype: 'int8', shape: [2, 3, 1] }])[0]).toEqual([
      1, 2, 3, -4, -5, -6,
    ]);
    const interp = prepareOp('EXPAND_DIMS', [input, axis(1)], [{ dtype: 'int8', shape: [2, 1, 3] }]);
    expect(interp.ops[0].prepared).toMatchObject({ shape: [2, 1, 3] });
  });

  it('moves float32 and int16 and is correct in place', () => {
    const f = { dtype: 'float32' as const, shape: [2], values: [Math.PI, -0] };
    expect(runOp('EXPAND_DIMS', [f, axis(0)], [{ dtype: 'float32', shape: [1, 2] }])[0]).toEqual([
      Math.fround(Math.PI),
      -0,
    ]);
    const graph = opGraph(
      'EXPAND_DIMS',
      [{ dtype: 'int16', shape: [2], values: [300, -300] }, axis(0)],
      [{ dtype: 'int16', shape: [1, 2] }],
    );
    const interp = new Interpreter(graph, { placement: { arena: new ArrayBuffer(8), offsets: [0, -1, 0] } });
    interp.setInput(0, encodeValues('int16', [300, -300]));
    interp.invoke();
    expect(decode('int16', interp.output(0))).toEqual([300, -300]);
  });

  it('rejects an output that is not the expanded input and an out-of-range axis', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], values: [1, 2, 3, 4, 5, 6] };
    expect(() => prepareOp('EXPAND_DIMS', [input, axis(0)], [{ dtype: 'int8', shape: [2, 1, 3] }])).toThrow(
      KernelPrepareError,
    );
    expect(() => prepareOp('EXPAND_DIMS', [input, axis(3)], [{ dtype: 'int8', shape: [2, 3, 1] }])).toThrow(
      /out of range/,
    );
  });

  it('reports a computed axis as unsupported', () => {
    const input = { dtype: 'int8' as const, shape: [2], values: [1, 2] };
    const runtimeAxis = { dtype: 'int32' as const, shape: [1], values: [0] };
    expect(() => prepareOp('EXPAND_DIMS', [input, runtimeAxis], [{ dtype: 'int8', shape: [1, 2] }])).toThrow(
      UnsupportedOperatorError,
    );
  });
});
