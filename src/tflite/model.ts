/** The decoded form of a .tflite file: what the reader returns and the writer takes. */
import type { DType } from './schema.js';

export type OptionValue = number | boolean | string | number[] | null;
export type BuiltinOptions = Record<string, OptionValue>;

export interface OperatorCode {
  /** The effective builtin code: the larger of the deprecated int8 field and the int32 field. */
  builtinCode: number;
  deprecatedBuiltinCode: number;
  customCode: string | null;
  version: number;
}

export interface Quantization {
  scale: number[];
  zeroPoint: number[];
  quantizedDimension: number;
  min: number[] | null;
  max: number[] | null;
}

export interface Tensor {
  name: string;
  shape: number[];
  shapeSignature: number[] | null;
  dtype: DType;
  buffer: number;
  quantization: Quantization | null;
  isVariable: boolean;
}

export interface Operator {
  opcodeIndex: number;
  /** Tensor indices; -1 marks an omitted optional input. */
  inputs: number[];
  outputs: number[];
  /** BuiltinOptions union type (0 = none). */
  builtinOptionsType: number;
  builtinOptions: BuiltinOptions | null;
  customOptions: Uint8Array | null;
  intermediates: number[];
}

export interface SubGraph {
  name: string;
  tensors: Tensor[];
  inputs: number[];
  outputs: number[];
  operators: Operator[];
}

export interface Buffer {
  /** Bytes of the buffer (a view into the file, not a copy); empty for non-constant tensors. */
  data: Uint8Array;
}

export interface Metadata {
  name: string;
  buffer: number;
}

export interface TensorMap {
  name: string;
  tensorIndex: number;
}

export interface SignatureDef {
  signatureKey: string;
  subgraphIndex: number;
  inputs: TensorMap[];
  outputs: TensorMap[];
}

export interface TfliteModel {
  version: number;
  description: string;
  operatorCodes: OperatorCode[];
  subgraphs: SubGraph[];
  buffers: Buffer[];
  metadata: Metadata[];
  signatureDefs: SignatureDef[];
}
