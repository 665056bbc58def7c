import { describe, expect, it } from 'vitest';
import { KernelPrepareError } from '../../src/errors.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { encodeValues } from '../../src/tflite/model-builder.js';
import { decode } from './elementwise-support.js';
import { opGraph, prepareOp, runOp } from './shape-support.js';

describe('SQUEEZE', () => {
  it('drops every size-1 dimension when none are listed', () => {
    const input = { dtype: 'int16' as const, shape: [1, 3, 1], values: [-32768, 0, 32767] };
    expect(runOp('SQUEEZE', [input], [{ dtype: 'int16', shape: [3] }])[0]).toEqual([-32768, 0, 32767]);
    expect(prepareOp('SQUEEZE', [input], [{ dtype: 'int16', shape: [3] }]).ops[0].prepared).toMatchObject({
      shape: [3],
    });
  });

  it('drops only the listed dimensions, negative ones counted from the end', () => {
    const input = { dtype: 'float32' as const, shape: [1, 2, 1], values: [0.25, -7] };
    const out = runOp('SQUEEZE', [input], [{ dtype: 'float32', shape: [2, 1] }], { squeezeDims: [-3] });
    expect(out[0]).toEqual([0.25, -7]);
  });

  it('is correct in place', () => {
    const graph = opGraph(
      'SQUEEZE',
      [{ dtype: 'int8', shape: [1, 2], values: [5, -6] }],
      [{ dtype: 'int8', shape: [2] }],
    );
    const interp = new Interpreter(graph, { placement: { arena: new ArrayBuffer(8), offsets: [0, 0] } });
    interp.setInput(0, encodeValues('int8', [5, -6]));
    interp.invoke();
    expect(decode('int8', interp.output(0))).toEqual([5, -6]);
    expect(interp.ops[0].kernel.alias).toBe('view');
  });

  it('rejects squeezing a dimension that is not 1, an out-of-range one, or a wrong output shape', () => {
    const input = { dtype: 'int8' as const, shape: [1, 2], values: [1, 2] };
    expect(() =>
      prepareOp('SQUEEZE', [input], [{ dtype: 'int8', shape: [1] }], { squeezeDims: [1] }),
    ).toThrow(KernelPrepareError);
    expect(() =>
      prepareOp('SQUEEZE', [input], [{ dtype: 'int8', shape: [2] }], { squeezeDims: [2] }),
    ).toThrow(/out of range/);
    expect(() => prepareOp('SQUEEZE', [input], [{ dtype: 'int8', shape: [1, 2] }])).toThrow(
      KernelPrepareError,
    );
  });
});
