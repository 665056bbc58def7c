import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { encodeValues } from '../../src/tflite/model-builder.js';
import { decode } from './elementwise-support.js';
import { iota, opGraph, prepareOp, runOp } from './shape-support.js';

const q = { scale: 0.5, zeroPoint: -3 };

describe('RESHAPE', () => {
  it('copies the bytes unchanged and resolves -1 from the shape input', () => {
    const input = { dtype: 'int8' as const, shape: [2, 3], quant: q, values: [-128, -1, 0, 1, 2, 127] };
    const shape = { dtype: 'int32' as const, shape: [2], data: [3, -1] };
    const out = runOp('RESHAPE', [input, shape], [{ dtype: 'int8', shape: [3, 2], quant: q }]);
    expect(out[0]).toEqual([-128, -1, 0, 1, 2, 127]);
    const interp = prepareOp('RESHAPE', [input, shape], [{ dtype: 'int8', shape: [3, 2], quant: q }]);
    expect(interp.ops[0].prepared).toMatchObject({ shape: [3, 2] });
    expect(interp.ops[0].kernel.alias).toBe('view');
  });

  it('takes the shape from options.newShape with one input, and [0] means a scalar', () => {
    const f = { dtype: 'float32' as const, shape: [1, 4], values: [1.5, -2.25, 3e-8, 1e9] };
    expect(runOp('RESHAPE', [f], [{ dtype: 'float32', shape: [4] }], { newShape: [-1] })[0]).toEqual([
      1.5,
      -2.25,
      Math.fround(3e-8),
      1e9,
    ]);
    const s = { dtype: 'int16' as const, shape: [1], values: [-32768] };
    const interp = prepareOp('RESHAPE', [s], [{ dtype: 'int16', shape: [] }], { newShape: [0] });
    expect(interp.ops[0].prepared).toMatchObject({ shape: [] });
  });

  it('moves bool and int64 tensors', () => {
    const b = { dtype: 'bool' as const, shape: [2, 2], values: [1, 0, 0, 1] };
    expect(runOp('RESHAPE', [b], [{ dtype: 'bool', shape: [4] }], { newShape: [4] })[0]).toEqual([
      1, 0, 0, 1,
    ]);
    const l = { dtype: 'int64' as const, shape: [2], values: [-5, 2 ** 40] };
    expect(runOp('RESHAPE', [l], [{ dtype: 'int64', shape: [1, 2] }], { newShape: [1, 2] })[0]).toEqual([
      -5,
      2 ** 40,
    ]);
  });

  it('is correct when the output is placed on the input bytes', () => {
    const graph = opGraph(
      'RESHAPE',
      [
        { dtype: 'int8', shape: [4], values: [1, 2, 3, 4] },
        { dtype: 'int32', shape: [2], data: [2, 2] },
      ],
      [{ dtype: 'int8', shape: [2, 2] }],
    );
    const placement = { arena: new ArrayBuffer(16), offsets: [4, -1, 4] };
    const interp = new Interpreter(graph, { placement });
    interp.setInput(0, encodeValues('int8', [1, 2, 3, 4]));
    interp.invoke();
    expect(decode('int8', interp.output(0))).toEqual([1, 2, 3, 4]);
  });

  it('rejects two -1s, a shape that does not hold the input, and differing dtypes', () => {
    const input = { dtype: 'int8' as const, shape: [6], values: iota(6) };
    const shape = (data: number[]) => ({ dtype: 'int32' as const, shape: [data.length], data });
    expect(() => prepareOp('RESHAPE', [input, shape([-1, -1])], [{ dtype: 'int8', shape: [2, 3] }])).toThrow(
      KernelPrepareError,
    );
    expect(() => prepareOp('RESHAPE', [input, shape([4, -1])], [{ dtype: 'int8', shape: [2, 3] }])).toThrow(
      /does not hold the 6 elements/,
    );
    expect(() => prepareOp('RESHAPE', [input, shape([2, 3])], [{ dtype: 'int16', shape: [2, 3] }])).toThrow(
      KernelPrepareError,
    );
  });

  it('reports string tensors as unsupported', () => {
    expect(() =>
      prepareOp('RESHAPE', [{ dtype: 'string', shape: [2], values: [] }], [{ dtype: 'string', shape: [2] }], {
        newShape: [2],
      }),
    ).toThrow(UnsupportedOperatorError);
  });
});
