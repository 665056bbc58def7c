/** Checks happen before anything runs: every unsupported op is named in one error. */
import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';

describe('unsupported operators', () => {
  it('lists every unsupported op with index, name and dtype', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ name: 'x', dtype: 'float32', shape: [1, 4] });
    const y = b.addTensor({ dtype: 'float32', shape: [1, 4] });
    const z = b.addTensor({ dtype: 'float32', shape: [1, 4] });
    const w = b.addTensor({ dtype: 'float32', shape: [1, 4] });
    b.addOperator('CUSTOM:my_fancy_op', [x], [y]);
    b.addOperator('RELU', [y], [z]);
    b.addOperator('NON_MAX_SUPPRESSION_V4', [z], [w]);
    b.markOutputs(w);
    let err: unknown;
    try {
      new Interpreter(buildGraph(readModel(b.build())));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnsupportedOperatorError);
    const e = err as UnsupportedOperatorError;
    expect(e.ops.map((o) => [o.index, o.opcode, o.dtype])).toEqual([
      [0, 'CUSTOM:my_fancy_op', 'float32'],
      [2, 'NON_MAX_SUPPRESSION_V4', 'float32'],
    ]);
    expect(e.message).toBe(
      '2 unsupported operators: #0 CUSTOM:my_fancy_op (float32), #2 NON_MAX_SUPPRESSION_V4 (float32)',
    );
  });

  it('names a supported op whose dtype is not supported, with the reason', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ name: 'x', dtype: 'int32', shape: [4] });
    const y = b.addTensor({ dtype: 'int32', shape: [4] });
    b.addOperator('HARD_SWISH', [x], [y]);
    b.markOutputs(y);
    expect(() => new Interpreter(buildGraph(readModel(b.build())))).toThrow(/#0 HARD_SWISH \(int32\)/);
  });
});
