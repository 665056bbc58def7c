/** Malformed models end in a ModelFormatError that says what and where. */
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../../src/errors.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { writeModel } from '../../src/tflite/writer.js';

function tiny() {
  const b = new ModelBuilder();
  const x = b.addInput({ name: 'x', dtype: 'float32', shape: [1, 2] });
  const y = b.addTensor({ name: 'y', dtype: 'float32', shape: [1, 2] });
  b.addOperator('RELU', [x], [y]);
  b.markOutputs(y);
  return b.toModel();
}

function expectFormatError(bytes: Uint8Array, pattern: RegExp) {
  let err: unknown;
  try {
    readModel(bytes);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ModelFormatError);
  expect((err as Error).message).toMatch(pattern);
}

describe('model verification', () => {
  it('rejects a file that is not a flatbuffer model', () => {
    expectFormatError(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /not a TensorFlow Lite file/,
    );
    expectFormatError(new Uint8Array([1, 2, 3]), /too small/);
  });

  it('rejects truncated files with a byte offset', () => {
    const bytes = writeModel(tiny());
    expectFormatError(bytes.subarray(0, bytes.byteLength - 40), /byte offset \d+/);
  });

  it('rejects out-of-range tensor indices', () => {
    const m = tiny();
    m.subgraphs[0].operators[0].inputs = [7];
    expectFormatError(writeModel(m), /index 7 is out of range/);
  });

  it('rejects an op that reads a tensor produced later', () => {
    const m = tiny();
    const sg = m.subgraphs[0];
    sg.tensors.push({ ...sg.tensors[1], name: 'z' });
    sg.operators.unshift({ ...sg.operators[0], inputs: [1], outputs: [2] });
    expectFormatError(writeModel(m), /op #0 RELU reads tensor #1 "y" before any op produces it/);
  });

  it('rejects constant data of the wrong size', () => {
    const m = tiny();
    m.buffers.push({ data: new Uint8Array(3) });
    m.subgraphs[0].tensors[0].buffer = 1;
    expectFormatError(writeModel(m), /constant data is 3 bytes but shape \[1,2\] of float32 needs 8/);
  });

  it('rejects sparse tensors with a clear message', () => {
    // A Tensor table with field 6 (sparsity) set: patch a model written with the field present.
    const m = tiny();
    m.subgraphs[0].tensors[0].shapeSignature = [-1, 2];
    const bytes = writeModel(m);
    const patched = markFirstTensorSparse(bytes);
    expectFormatError(patched, /sparse tensors are not supported/);
  });
});

/** Re-points the first tensor's vtable slot 6 (sparsity) at its shape field so it reads as present. */
function markFirstTensorSparse(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  const root = dv.getUint32(0, true);
  const table = (pos: number) => {
    const vt = pos - dv.getInt32(pos, true);
    return { pos, vt, vtLen: dv.getUint16(vt, true) };
  };
  const field = (t: { pos: number; vt: number }, slot: number) =>
    t.pos + dv.getUint16(t.vt + 4 + 2 * slot, true);
  const deref = (p: number) => p + dv.getUint32(p, true);
  const model = table(root);
  const subgraphs = deref(field(model, 2));
  const sg = table(deref(subgraphs + 4));
  const tensors = deref(field(sg, 0));
  const t = table(deref(tensors + 4));
  if (t.vtLen < 4 + 2 * 7) throw new Error('vtable too short for the test');
  dv.setUint16(t.vt + 4 + 12, dv.getUint16(t.vt + 4, true), true);
  return out;
}
