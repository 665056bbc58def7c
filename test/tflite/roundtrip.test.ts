/** read(write(x)) equals x: for every shared model and for models made with ModelBuilder. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TfliteModel } from '../../src/tflite/model.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { writeModel } from '../../src/tflite/writer.js';
import { HAVE_SHARED, sharedModels } from '../support/shared.js';

/** Buffers compare by content: a reader returns views, a writer may place them elsewhere. */
function normalise(m: TfliteModel): unknown {
  return JSON.parse(
    JSON.stringify(m, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)),
  );
}

describe.skipIf(!HAVE_SHARED)('round trip of shared models', () => {
  for (const m of sharedModels()) {
    it(m.name, () => {
      const model = readModel(new Uint8Array(readFileSync(m.path)));
      const again = readModel(writeModel(model));
      expect(normalise(again)).toEqual(normalise(model));
      expect(again.buffers.length).toBe(model.buffers.length);
      expect(again.subgraphs[0].tensors.length).toBe(model.subgraphs[0].tensors.length);
    });
  }
});

describe('ModelBuilder', () => {
  it('builds a model that reads back equal, with options, quantization and metadata', () => {
    const b = new ModelBuilder({ description: 'unit' });
    const x = b.addInput({ name: 'x', dtype: 'int8', shape: [1, 4], quant: { scale: 0.5, zeroPoint: -3 } });
    const w = b.addTensor({
      name: 'w',
      dtype: 'int8',
      shape: [2, 4],
      data: [1, 2, 3, 4, -1, -2, -3, -4],
      quant: { scale: [0.1, 0.2], zeroPoint: [0, 0], quantizedDimension: 0 },
    });
    const bias = b.addTensor({ name: 'b', dtype: 'int32', shape: [2], data: [100, -100] });
    const y = b.addTensor({ name: 'y', dtype: 'int8', shape: [1, 2], quant: { scale: 0.25, zeroPoint: 1 } });
    b.addOperator('FULLY_CONNECTED', [x, w, bias], [y], { fusedActivationFunction: 'RELU' });
    b.addOperator(
      'CUSTOM:my_op',
      [y],
      [b.addTensor({ name: 'z', dtype: 'int8', shape: [1, 2] })],
      {},
      { customOptions: new Uint8Array([9, 8]) },
    );
    b.markOutputs(y);
    b.addMetadata('note', new Uint8Array([1, 2, 3]));
    const model = readModel(b.build());
    expect(normalise(model)).toEqual(normalise(b.toModel()));
    const op = model.subgraphs[0].operators[0];
    expect(op.builtinOptions).toMatchObject({
      fusedActivationFunction: 'RELU',
      keepNumDims: false,
      weightsFormat: 'DEFAULT',
    });
    expect(model.subgraphs[0].tensors[w].quantization?.scale).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect(model.operatorCodes.map((c) => c.customCode)).toEqual([null, 'my_op']);
    expect(model.metadata[0].name).toBe('note');
    expect([...model.buffers[model.metadata[0].buffer].data]).toEqual([1, 2, 3]);
  });

  it('keeps opcodes past the deprecated int8 range', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ dtype: 'float32', shape: [2] });
    const y = b.addTensor({ dtype: 'float32', shape: [2] });
    b.addOperator('GELU', [x], [y]);
    b.markOutputs(y);
    const model = readModel(b.build());
    expect(model.operatorCodes[0].builtinCode).toBe(150);
    expect(model.operatorCodes[0].deprecatedBuiltinCode).toBe(127);
  });

  it('rejects constant data whose size does not match the shape', () => {
    const b = new ModelBuilder();
    expect(() => b.addTensor({ dtype: 'int8', shape: [3], data: [1, 2] })).toThrow(/2 data bytes/);
  });
});

describe('buffers stored after the flatbuffer (offset/size form of large models)', () => {
  it('reads back equal, with data views at the stored offsets', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ name: 'x', dtype: 'float32', shape: [1, 3] });
    const w = b.addTensor({ name: 'w', dtype: 'float32', shape: [2, 3], data: [1, 2, 3, 4, 5, 6] });
    const y = b.addTensor({ name: 'y', dtype: 'float32', shape: [1, 2] });
    b.addOperator('FULLY_CONNECTED', [x, w, -1], [y]);
    b.markOutputs(y);
    const model = b.toModel();
    const bytes = writeModel(model, { buffersAfter: true });
    const again = readModel(bytes);
    expect(normalise(again)).toEqual(normalise(model));
    const data = again.buffers[again.subgraphs[0].tensors[w].buffer].data;
    expect(data.byteOffset % 16).toBe(0);
    expect(data.byteOffset).toBeGreaterThan(bytes.byteLength - 64);
  });

  it('a buffer offset past the end of the file is a ModelFormatError', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ dtype: 'int8', shape: [4] });
    const c = b.addTensor({ dtype: 'int8', shape: [4], data: [1, 2, 3, 4] });
    const y = b.addTensor({ dtype: 'int8', shape: [4] });
    b.addOperator('ADD', [x, c], [y]);
    b.markOutputs(y);
    const bytes = writeModel(b.toModel(), { buffersAfter: true });
    // The 4 data bytes sit in the last 16-byte block: cut into them.
    expect(() => readModel(bytes.subarray(0, bytes.byteLength - 14))).toThrow(
      /offset\/size form|outside the file/,
    );
  });
});
