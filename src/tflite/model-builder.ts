/** Builds .tflite models from code: tests make their models with it, tools embed plans with it. */
import type { BuiltinOptions, Quantization, Tensor, TfliteModel } from './model.js';
import {
  BUILTIN_OPERATORS,
  BUILTIN_OPTIONS,
  builtinCode,
  CUSTOM_CODE,
  type DType,
  defaultOptions,
  OP_OPTIONS,
} from './schema.js';
import { byteSize } from './verify.js';
import { writeModel } from './writer.js';

export interface QuantSpec {
  scale: number | number[];
  zeroPoint?: number | number[];
  quantizedDimension?: number;
}

export interface TensorSpec {
  name?: string;
  dtype: DType;
  shape: number[];
  /** Constant data: raw bytes, a typed array, or plain numbers in the tensor's dtype. */
  data?: Uint8Array | ArrayBufferView | readonly number[];
  quant?: QuantSpec;
  isVariable?: boolean;
}

const ARRAY_FOR: Partial<Record<DType, new (n: number) => ArrayLike<number> & ArrayBufferView>> = {
  float32: Float32Array,
  int32: Int32Array,
  uint8: Uint8Array,
  int16: Int16Array,
  int8: Int8Array,
  float64: Float64Array,
  uint32: Uint32Array,
  uint16: Uint16Array,
  bool: Uint8Array,
};

/** Encodes numbers as the bytes of a dtype (little-endian, as the format stores them). */
export function encodeValues(dtype: DType, values: readonly number[]): Uint8Array {
  if (dtype === 'int64') {
    const a = new BigInt64Array(values.length);
    values.forEach((v, i) => {
      a[i] = BigInt(v);
    });
    return new Uint8Array(a.buffer);
  }
  const Ctor = ARRAY_FOR[dtype];
  if (!Ctor) throw new Error(`cannot encode values of dtype ${dtype}`);
  const a = new Ctor(values.length) as unknown as number[];
  values.forEach((v, i) => {
    a[i] = v;
  });
  return new Uint8Array((a as unknown as ArrayBufferView).buffer);
}

function toBytes(dtype: DType, data: TensorSpec['data']): Uint8Array {
  if (!data) return new Uint8Array(0);
  if (data instanceof Uint8Array && dtype !== 'uint8' && dtype !== 'bool') return data;
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return encodeValues(dtype, data as readonly number[]);
}

function toQuant(q: QuantSpec | undefined): Quantization | null {
  if (!q) return null;
  const scale = Array.isArray(q.scale) ? q.scale : [q.scale as number];
  const zp = q.zeroPoint === undefined ? 0 : q.zeroPoint;
  const zeroPoint = Array.isArray(zp) ? zp : scale.map(() => zp as number);
  return {
    scale: scale.map((s) => Math.fround(s)),
    zeroPoint: [...zeroPoint],
    quantizedDimension: q.quantizedDimension ?? 0,
    min: null,
    max: null,
  };
}

/** Options as the file stores them: defaults filled in, float fields rounded to float32. */
function storedOptions(type: number, options: BuiltinOptions): BuiltinOptions {
  const out = { ...defaultOptions(type), ...options };
  for (const f of BUILTIN_OPTIONS[type]?.fields ?? []) {
    const v = out[f.name];
    if (f.kind === 'f32' && typeof v === 'number') out[f.name] = Math.fround(v);
  }
  return out;
}

export class ModelBuilder {
  private readonly model: TfliteModel;
  private readonly tensors: Tensor[] = [];

  constructor(opts: { description?: string; subgraphName?: string } = {}) {
    this.model = {
      version: 3,
      description: opts.description ?? 'tinyforge',
      operatorCodes: [],
      subgraphs: [
        { name: opts.subgraphName ?? 'main', tensors: this.tensors, inputs: [], outputs: [], operators: [] },
      ],
      buffers: [{ data: new Uint8Array(0) }],
      metadata: [],
      signatureDefs: [],
    };
  }

  addTensor(spec: TensorSpec): number {
    const data = toBytes(spec.dtype, spec.data);
    if (data.byteLength > 0 && data.byteLength !== byteSize(spec.dtype, spec.shape)) {
      throw new Error(
        `tensor ${spec.name ?? ''}: ${data.byteLength} data bytes for shape [${spec.shape}] of ${spec.dtype}`,
      );
    }
    let buffer = 0;
    if (data.byteLength > 0) {
      buffer = this.model.buffers.length;
      this.model.buffers.push({ data });
    }
    this.tensors.push({
      name: spec.name ?? `t${this.tensors.length}`,
      shape: [...spec.shape],
      shapeSignature: null,
      dtype: spec.dtype,
      buffer,
      quantization: toQuant(spec.quant),
      isVariable: spec.isVariable ?? false,
    });
    return this.tensors.length - 1;
  }

  /** Adds a tensor and marks it a graph input. */
  addInput(spec: TensorSpec): number {
    const i = this.addTensor(spec);
    this.model.subgraphs[0].inputs.push(i);
    return i;
  }

  markOutputs(...indices: number[]): this {
    this.model.subgraphs[0].outputs.push(...indices);
    return this;
  }

  /** Adds an operator; `opcode` is a builtin name (`CONV_2D`) or `CUSTOM:<code>`. */
  addOperator(
    opcode: string,
    inputs: number[],
    outputs: number[],
    options: BuiltinOptions = {},
    extra: { customOptions?: Uint8Array; version?: number } = {},
  ): number {
    const custom = opcode.startsWith('CUSTOM:') ? opcode.slice(7) : null;
    const code = custom === null ? builtinCode(opcode) : CUSTOM_CODE;
    const version = extra.version ?? 1;
    let opcodeIndex = this.model.operatorCodes.findIndex(
      (c) => c.builtinCode === code && c.customCode === custom && c.version === version,
    );
    if (opcodeIndex < 0) {
      opcodeIndex = this.model.operatorCodes.length;
      this.model.operatorCodes.push({
        builtinCode: code,
        deprecatedBuiltinCode: Math.min(code, 127),
        customCode: custom,
        version,
      });
    }
    const type = custom === null ? (OP_OPTIONS[BUILTIN_OPERATORS[code]] ?? 0) : 0;
    const ops = this.model.subgraphs[0].operators;
    ops.push({
      opcodeIndex,
      inputs: [...inputs],
      outputs: [...outputs],
      builtinOptionsType: type,
      builtinOptions: type ? storedOptions(type, options) : null,
      customOptions: extra.customOptions ?? null,
      intermediates: [],
    });
    return ops.length - 1;
  }

  addMetadata(name: string, data: Uint8Array): this {
    this.model.metadata.push({ name, buffer: this.model.buffers.length });
    this.model.buffers.push({ data });
    return this;
  }

  toModel(): TfliteModel {
    return this.model;
  }

  build(): Uint8Array {
    return writeModel(this.model);
  }
}
