/** Decodes a .tflite file into a TfliteModel, verifying every offset on the way. */
import { ModelFormatError } from '../errors.js';
import { FlatView, type TableRef } from './flat-view.js';
import type {
  Buffer,
  BuiltinOptions,
  Metadata,
  Operator,
  OperatorCode,
  OptionValue,
  Quantization,
  SignatureDef,
  SubGraph,
  Tensor,
  TensorMap,
  TfliteModel,
} from './model.js';
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
  QUANTIZATION,
  SIGNATURE_DEF,
  SUBGRAPH,
  TENSOR,
  TENSOR_MAP,
  TENSOR_TYPES,
} from './schema.js';
import { verifyModel } from './verify.js';

/** Reads and verifies a model. Throws ModelFormatError on anything malformed. */
export function readModel(bytes: Uint8Array): TfliteModel {
  const model = decodeModel(bytes);
  verifyModel(model);
  return model;
}

export function decodeModel(bytes: Uint8Array): TfliteModel {
  if (bytes.byteLength < 8)
    throw new ModelFormatError(`file is too small to be a model (${bytes.byteLength} bytes)`);
  const v = new FlatView(bytes);
  const ident = String.fromCharCode(...bytes.subarray(4, 8));
  if (ident !== FILE_IDENTIFIER) {
    throw new ModelFormatError(
      `not a TensorFlow Lite file: identifier is "${printable(ident)}", expected "${FILE_IDENTIFIER}"`,
      'byte offset 4',
    );
  }
  const root = v.table(v.deref(0, 'model'), 'model');
  return {
    version: v.scalarU32(root, MODEL.version, 0),
    description: v.string(root, MODEL.description, 'description') ?? '',
    operatorCodes: v.tables(root, MODEL.operatorCodes, 'operator_codes').map((t) => readOperatorCode(v, t)),
    subgraphs: v.tables(root, MODEL.subgraphs, 'subgraphs').map((t, i) => readSubGraph(v, t, i)),
    buffers: v.tables(root, MODEL.buffers, 'buffers').map((t) => readBuffer(v, t)),
    metadata: v.tables(root, MODEL.metadata, 'metadata').map((t) => readMetadata(v, t)),
    signatureDefs: v.tables(root, MODEL.signatureDefs, 'signature_defs').map((t) => readSignature(v, t)),
  };
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

function readOperatorCode(v: FlatView, t: TableRef): OperatorCode {
  const deprecatedBuiltinCode = v.scalarI8(t, OPERATOR_CODE.deprecatedBuiltinCode, 0);
  const code = v.scalarI32(t, OPERATOR_CODE.builtinCode, 0);
  return {
    builtinCode: Math.max(deprecatedBuiltinCode, code),
    deprecatedBuiltinCode,
    customCode: v.string(t, OPERATOR_CODE.customCode, 'custom_code'),
    version: v.scalarI32(t, OPERATOR_CODE.version, 1),
  };
}

function readSubGraph(v: FlatView, t: TableRef, index: number): SubGraph {
  const where = `subgraphs[${index}]`;
  return {
    name: v.string(t, SUBGRAPH.name, `${where}.name`) ?? '',
    tensors: v.tables(t, SUBGRAPH.tensors, `${where}.tensors`).map((tt) => readTensor(v, tt)),
    inputs: v.i32Vector(t, SUBGRAPH.inputs, `${where}.inputs`) ?? [],
    outputs: v.i32Vector(t, SUBGRAPH.outputs, `${where}.outputs`) ?? [],
    operators: v.tables(t, SUBGRAPH.operators, `${where}.operators`).map((ot) => readOperator(v, ot)),
  };
}

function readTensor(v: FlatView, t: TableRef): Tensor {
  const name = v.string(t, TENSOR.name, `${t.what}.name`) ?? '';
  if (v.field(t, TENSOR.sparsity, 4)) {
    throw new ModelFormatError(
      `tensor "${name}" is sparse: sparse tensors are not supported`,
      t.what,
      'convert the model without sparsity (dense weights)',
    );
  }
  const typeCode = v.scalarI8(t, TENSOR.type, 0);
  const dtype = TENSOR_TYPES[typeCode];
  if (!dtype) v.fail(`tensor "${name}" has unknown type code ${typeCode}`, t.pos);
  const q = v.childTable(t, TENSOR.quantization, `${t.what}.quantization`);
  return {
    name,
    shape: v.i32Vector(t, TENSOR.shape, `${t.what}.shape`) ?? [],
    shapeSignature: v.i32Vector(t, TENSOR.shapeSignature, `${t.what}.shape_signature`),
    dtype,
    buffer: v.scalarU32(t, TENSOR.buffer, 0),
    quantization: q ? readQuantization(v, q) : null,
    isVariable: v.bool(t, TENSOR.isVariable, false),
  };
}

function readQuantization(v: FlatView, t: TableRef): Quantization | null {
  const scale = v.f32Vector(t, QUANTIZATION.scale, `${t.what}.scale`) ?? [];
  const zeroPoint = v.i64Vector(t, QUANTIZATION.zeroPoint, `${t.what}.zero_point`) ?? [];
  const min = v.f32Vector(t, QUANTIZATION.min, `${t.what}.min`);
  const max = v.f32Vector(t, QUANTIZATION.max, `${t.what}.max`);
  if (scale.length === 0 && zeroPoint.length === 0 && !min && !max) return null;
  return {
    scale,
    zeroPoint,
    quantizedDimension: v.scalarI32(t, QUANTIZATION.quantizedDimension, 0),
    min,
    max,
  };
}

function readOperator(v: FlatView, t: TableRef): Operator {
  const builtinOptionsType = v.scalarU8(t, OPERATOR.builtinOptionsType, 0);
  const optionsTable = v.childTable(t, OPERATOR.builtinOptions, `${t.what}.builtin_options`);
  let customOptions = v.bytesField(t, OPERATOR.customOptions, `${t.what}.custom_options`);
  const largeOffset = v.scalarU64(t, OPERATOR.largeCustomOptionsOffset, 0);
  if (largeOffset > 0) {
    const size = v.scalarU64(t, OPERATOR.largeCustomOptionsSize, 0);
    v.need(largeOffset, size, 'large custom options');
    customOptions = v.bytes.subarray(largeOffset, largeOffset + size);
  }
  return {
    opcodeIndex: v.scalarU32(t, OPERATOR.opcodeIndex, 0),
    inputs: v.i32Vector(t, OPERATOR.inputs, `${t.what}.inputs`) ?? [],
    outputs: v.i32Vector(t, OPERATOR.outputs, `${t.what}.outputs`) ?? [],
    builtinOptionsType: optionsTable ? builtinOptionsType : 0,
    builtinOptions: optionsTable ? readOptions(v, optionsTable, builtinOptionsType) : null,
    customOptions,
    intermediates: v.i32Vector(t, OPERATOR.intermediates, `${t.what}.intermediates`) ?? [],
  };
}

/** Decodes a builtin-options table from its field specs; unknown tables decode to `{}`. */
function readOptions(v: FlatView, t: TableRef, type: number): BuiltinOptions {
  const spec = BUILTIN_OPTIONS[type];
  const out: BuiltinOptions = {};
  if (!spec) return out;
  spec.fields.forEach((field, slot) => {
    out[field.name] = readField(v, t, slot, field);
  });
  return out;
}

function readField(v: FlatView, t: TableRef, slot: number, field: FieldSpec): OptionValue {
  switch (field.kind) {
    case 'i32':
      return v.scalarI32(t, slot, field.default as number);
    case 'f32':
      return v.scalarF32(t, slot, field.default as number);
    case 'bool':
      return v.bool(t, slot, field.default as boolean);
    case 'i32[]':
      return v.i32Vector(t, slot, `${t.what}.${field.name}`);
    case 'f32[]':
      return v.f32Vector(t, slot, `${t.what}.${field.name}`);
    default: {
      const names = ENUM_KINDS[field.kind]!;
      const code = v.scalarI8(t, slot, names.indexOf(field.default as string));
      const name = names[code];
      if (name === undefined) v.fail(`${t.what}.${field.name} has unknown value ${code}`, t.pos);
      return name;
    }
  }
}

function readBuffer(v: FlatView, t: TableRef): Buffer {
  const offset = v.scalarU64(t, BUFFER.offset, 0);
  if (offset > 1) {
    const size = v.scalarU64(t, BUFFER.size, 0);
    v.need(offset, size, `${t.what} (offset/size form)`);
    return { data: v.bytes.subarray(offset, offset + size) };
  }
  return { data: v.bytesField(t, BUFFER.data, `${t.what}.data`) ?? new Uint8Array(0) };
}

function readMetadata(v: FlatView, t: TableRef): Metadata {
  return {
    name: v.string(t, METADATA.name, `${t.what}.name`) ?? '',
    buffer: v.scalarU32(t, METADATA.buffer, 0),
  };
}

function readTensorMap(v: FlatView, t: TableRef): TensorMap {
  return {
    name: v.string(t, TENSOR_MAP.name, `${t.what}.name`) ?? '',
    tensorIndex: v.scalarU32(t, TENSOR_MAP.tensorIndex, 0),
  };
}

function readSignature(v: FlatView, t: TableRef): SignatureDef {
  return {
    signatureKey: v.string(t, SIGNATURE_DEF.signatureKey, `${t.what}.signature_key`) ?? '',
    subgraphIndex: v.scalarU32(t, SIGNATURE_DEF.subgraphIndex, 0),
    inputs: v.tables(t, SIGNATURE_DEF.inputs, `${t.what}.inputs`).map((m) => readTensorMap(v, m)),
    outputs: v.tables(t, SIGNATURE_DEF.outputs, `${t.what}.outputs`).map((m) => readTensorMap(v, m)),
  };
}
