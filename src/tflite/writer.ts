/** Serialises a TfliteModel to .tflite bytes with the flatbuffers runtime. */
import { Builder } from 'flatbuffers';
import type { BuiltinOptions, Operator, Quantization, SubGraph, Tensor, TfliteModel } from './model.js';
import {
  BUFFER,
  BUILTIN_OPTIONS,
  ENUM_KINDS,
  FILE_IDENTIFIER,
  type FieldSpec,
  METADATA,
  MODEL,
  OPERATOR,
  OPERATOR_CODE,
  PLACEHOLDER_FOR_GREATER_OP_CODES,
  QUANTIZATION,
  SIGNATURE_DEF,
  SUBGRAPH,
  TENSOR,
  TENSOR_MAP,
  TENSOR_TYPES,
} from './schema.js';

type Offset = number;
const BUFFER_ALIGNMENT = 16;

export interface WriteOptions {
  /**
   * Store buffer data after the flatbuffer, referenced by offset/size — the form TFLite uses
   * for models over 2 GB, where 32-bit flatbuffer offsets cannot reach the weights.
   */
  buffersAfter?: boolean;
}

export function writeModel(m: TfliteModel, opts: WriteOptions = {}): Uint8Array {
  if (!opts.buffersAfter) return writeFlatbuffer(m, null);
  // The flatbuffer's size does not depend on the offset values (every field is written), so
  // a first pass with placeholders gives the size the data is placed after.
  const size = writeFlatbuffer(
    m,
    m.buffers.map((buf) => ({ offset: 0, size: buf.data.byteLength })),
  ).byteLength;
  let at = alignTo(size, BUFFER_ALIGNMENT);
  const places = m.buffers.map((buf) => {
    if (buf.data.byteLength === 0) return { offset: 0, size: 0 };
    const place = { offset: at, size: buf.data.byteLength };
    at = alignTo(at + buf.data.byteLength, BUFFER_ALIGNMENT);
    return place;
  });
  const head = writeFlatbuffer(m, places);
  const out = new Uint8Array(at);
  out.set(head);
  m.buffers.forEach((buf, i) => {
    out.set(buf.data, places[i].offset);
  });
  return out;
}

function alignTo(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

function writeFlatbuffer(m: TfliteModel, places: { offset: number; size: number }[] | null): Uint8Array {
  const b = new Builder(1024 + (places ? 0 : m.buffers.reduce((s, x) => s + x.data.byteLength + 32, 0)));
  const buffers = m.buffers.map((buf, i) =>
    places ? writeBufferPlace(b, places[i]) : writeBuffer(b, buf.data),
  );
  const metadata = m.metadata.map((md) => {
    const name = b.createString(md.name);
    b.startObject(2);
    b.addFieldOffset(METADATA.name, name, 0);
    b.addFieldInt32(METADATA.buffer, md.buffer, 0);
    return b.endObject();
  });
  const signatures = m.signatureDefs.map((s) => {
    const inputs = tableVector(
      b,
      s.inputs.map((t) => writeTensorMap(b, t.name, t.tensorIndex)),
    );
    const outputs = tableVector(
      b,
      s.outputs.map((t) => writeTensorMap(b, t.name, t.tensorIndex)),
    );
    const key = b.createString(s.signatureKey);
    b.startObject(5);
    b.addFieldOffset(SIGNATURE_DEF.inputs, inputs, 0);
    b.addFieldOffset(SIGNATURE_DEF.outputs, outputs, 0);
    b.addFieldOffset(SIGNATURE_DEF.signatureKey, key, 0);
    b.addFieldInt32(SIGNATURE_DEF.subgraphIndex, s.subgraphIndex, 0);
    return b.endObject();
  });
  const subgraphs = m.subgraphs.map((sg) => writeSubGraph(b, sg));
  const codes = m.operatorCodes.map((c) => {
    const custom = c.customCode === null ? 0 : b.createString(c.customCode);
    b.startObject(4);
    b.addFieldInt8(
      OPERATOR_CODE.deprecatedBuiltinCode,
      Math.min(c.builtinCode, PLACEHOLDER_FOR_GREATER_OP_CODES),
      0,
    );
    if (custom) b.addFieldOffset(OPERATOR_CODE.customCode, custom, 0);
    b.addFieldInt32(OPERATOR_CODE.version, c.version, 1);
    b.addFieldInt32(OPERATOR_CODE.builtinCode, c.builtinCode, 0);
    return b.endObject();
  });
  const description = b.createString(m.description);
  const fields: [number, Offset][] = [
    [MODEL.operatorCodes, tableVector(b, codes)],
    [MODEL.subgraphs, tableVector(b, subgraphs)],
    [MODEL.description, description],
    [MODEL.buffers, tableVector(b, buffers)],
    [MODEL.metadata, tableVector(b, metadata)],
    [MODEL.signatureDefs, tableVector(b, signatures)],
  ];
  b.startObject(8);
  b.addFieldInt32(MODEL.version, m.version, 0);
  for (const [slot, off] of fields) b.addFieldOffset(slot, off, 0);
  b.finish(b.endObject(), FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}

function tableVector(b: Builder, offsets: Offset[]): Offset {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

function i32Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]);
  return b.endVector();
}

function f32Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

function i64Vector(b: Builder, values: readonly number[]): Offset {
  b.startVector(8, values.length, 8);
  for (let i = values.length - 1; i >= 0; i--) b.addInt64(BigInt(values[i]));
  return b.endVector();
}

/** A byte vector aligned to 16 bytes, as TFLite buffers are, copied in one block. */
function alignedBytes(b: Builder, data: Uint8Array): Offset {
  b.startVector(1, data.byteLength, BUFFER_ALIGNMENT);
  // The runtime keeps its write cursor private; a block copy is the only fast way to place
  // megabytes of weights, so reach it the way createByteVector does internally.
  const inner = b as unknown as { space: number; bb: { setPosition(p: number): void; bytes(): Uint8Array } };
  inner.space -= data.byteLength;
  inner.bb.setPosition(inner.space);
  inner.bb.bytes().set(data, inner.space);
  return b.endVector();
}

function writeBufferPlace(b: Builder, place: { offset: number; size: number }): Offset {
  b.startObject(3);
  if (place.size > 0) {
    b.addFieldInt64(BUFFER.offset, BigInt(place.offset), null);
    b.addFieldInt64(BUFFER.size, BigInt(place.size), null);
  }
  return b.endObject();
}

function writeBuffer(b: Builder, data: Uint8Array): Offset {
  const vec = data.byteLength > 0 ? alignedBytes(b, data) : 0;
  b.startObject(3);
  if (vec) b.addFieldOffset(BUFFER.data, vec, 0);
  return b.endObject();
}

function writeTensorMap(b: Builder, name: string, index: number): Offset {
  const n = b.createString(name);
  b.startObject(2);
  b.addFieldOffset(TENSOR_MAP.name, n, 0);
  b.addFieldInt32(TENSOR_MAP.tensorIndex, index, 0);
  return b.endObject();
}

function writeSubGraph(b: Builder, sg: SubGraph): Offset {
  const tensors = tableVector(
    b,
    sg.tensors.map((t) => writeTensor(b, t)),
  );
  const operators = tableVector(
    b,
    sg.operators.map((op) => writeOperator(b, op)),
  );
  const inputs = i32Vector(b, sg.inputs);
  const outputs = i32Vector(b, sg.outputs);
  const name = b.createString(sg.name);
  b.startObject(5);
  b.addFieldOffset(SUBGRAPH.tensors, tensors, 0);
  b.addFieldOffset(SUBGRAPH.inputs, inputs, 0);
  b.addFieldOffset(SUBGRAPH.outputs, outputs, 0);
  b.addFieldOffset(SUBGRAPH.operators, operators, 0);
  b.addFieldOffset(SUBGRAPH.name, name, 0);
  return b.endObject();
}

function writeQuantization(b: Builder, q: Quantization): Offset {
  const min = q.min ? f32Vector(b, q.min) : 0;
  const max = q.max ? f32Vector(b, q.max) : 0;
  const scale = f32Vector(b, q.scale);
  const zp = i64Vector(b, q.zeroPoint);
  b.startObject(7);
  if (min) b.addFieldOffset(QUANTIZATION.min, min, 0);
  if (max) b.addFieldOffset(QUANTIZATION.max, max, 0);
  b.addFieldOffset(QUANTIZATION.scale, scale, 0);
  b.addFieldOffset(QUANTIZATION.zeroPoint, zp, 0);
  b.addFieldInt32(QUANTIZATION.quantizedDimension, q.quantizedDimension, 0);
  return b.endObject();
}

function writeTensor(b: Builder, t: Tensor): Offset {
  const shape = i32Vector(b, t.shape);
  const signature = t.shapeSignature ? i32Vector(b, t.shapeSignature) : 0;
  const name = b.createString(t.name);
  const quant = t.quantization ? writeQuantization(b, t.quantization) : 0;
  b.startObject(9);
  b.addFieldOffset(TENSOR.shape, shape, 0);
  b.addFieldInt8(TENSOR.type, TENSOR_TYPES.indexOf(t.dtype), 0);
  b.addFieldInt32(TENSOR.buffer, t.buffer, 0);
  b.addFieldOffset(TENSOR.name, name, 0);
  if (quant) b.addFieldOffset(TENSOR.quantization, quant, 0);
  b.addFieldInt8(TENSOR.isVariable, t.isVariable ? 1 : 0, 0);
  if (signature) b.addFieldOffset(TENSOR.shapeSignature, signature, 0);
  return b.endObject();
}

function writeOperator(b: Builder, op: Operator): Offset {
  const inputs = i32Vector(b, op.inputs);
  const outputs = i32Vector(b, op.outputs);
  const intermediates = op.intermediates.length ? i32Vector(b, op.intermediates) : 0;
  const custom = op.customOptions ? b.createByteVector(op.customOptions) : 0;
  const options = op.builtinOptions ? writeOptions(b, op.builtinOptionsType, op.builtinOptions) : 0;
  b.startObject(11);
  b.addFieldInt32(OPERATOR.opcodeIndex, op.opcodeIndex, 0);
  b.addFieldOffset(OPERATOR.inputs, inputs, 0);
  b.addFieldOffset(OPERATOR.outputs, outputs, 0);
  if (options) {
    b.addFieldInt8(OPERATOR.builtinOptionsType, op.builtinOptionsType, 0);
    b.addFieldOffset(OPERATOR.builtinOptions, options, 0);
  }
  if (custom) b.addFieldOffset(OPERATOR.customOptions, custom, 0);
  if (intermediates) b.addFieldOffset(OPERATOR.intermediates, intermediates, 0);
  return b.endObject();
}

function writeOptions(b: Builder, type: number, values: BuiltinOptions): Offset {
  const spec = BUILTIN_OPTIONS[type];
  const fields = spec?.fields ?? [];
  const vectors = fields.map((f) => {
    const v = values[f.name];
    if (!Array.isArray(v)) return 0;
    return f.kind === 'f32[]' ? f32Vector(b, v) : i32Vector(b, v);
  });
  b.startObject(fields.length);
  fields.forEach((f, slot) => {
    if (vectors[slot]) b.addFieldOffset(slot, vectors[slot], 0);
    else writeScalar(b, slot, f, values[f.name] ?? f.default);
  });
  return b.endObject();
}

function writeScalar(b: Builder, slot: number, f: FieldSpec, v: unknown): void {
  // Writing defaults too keeps every field explicit, which older readers of the format expect.
  if (f.kind === 'i32') b.addFieldInt32(slot, Number(v), Number.NaN);
  else if (f.kind === 'f32') b.addFieldFloat32(slot, Number(v), Number.NaN);
  else if (f.kind === 'bool') b.addFieldInt8(slot, v ? 1 : 0, -1);
  else if (ENUM_KINDS[f.kind]) b.addFieldInt8(slot, ENUM_KINDS[f.kind]!.indexOf(String(v)), -1);
}
