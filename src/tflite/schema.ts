/**
 * Facts about the TensorFlow Lite flatbuffer format, written down for tinyforge: table field
 * slots, enum values and the builtin-options tables. The reader and the writer both work from
 * these tables, so what one decodes the other encodes.
 */

export const FILE_IDENTIFIER = 'TFL3';

/** TensorType enum values, in the order the format numbers them. */
export const TENSOR_TYPES = [
  'float32',
  'float16',
  'int32',
  'uint8',
  'int64',
  'string',
  'bool',
  'int16',
  'complex64',
  'int8',
  'float64',
  'complex128',
  'uint64',
  'resource',
  'variant',
  'uint32',
  'uint16',
  'int4',
] as const;
export type DType = (typeof TENSOR_TYPES)[number];

/** Bytes per element; 0 where the size is not fixed (string, resource, variant); int4 is packed. */
export const DTYPE_BYTES: Record<DType, number> = {
  float32: 4,
  float16: 2,
  int32: 4,
  uint8: 1,
  int64: 8,
  string: 0,
  bool: 1,
  int16: 2,
  complex64: 8,
  int8: 1,
  float64: 8,
  complex128: 16,
  uint64: 8,
  resource: 0,
  variant: 0,
  uint32: 4,
  uint16: 2,
  int4: 0.5,
};

/** BuiltinOperator enum: index = code. Codes past the end are named `BUILTIN_<code>`. */
export const BUILTIN_OPERATORS = [
  'ADD',
  'AVERAGE_POOL_2D',
  'CONCATENATION',
  'CONV_2D',
  'DEPTHWISE_CONV_2D',
  'DEPTH_TO_SPACE',
  'DEQUANTIZE',
  'EMBEDDING_LOOKUP',
  'FLOOR',
  'FULLY_CONNECTED',
  'HASHTABLE_LOOKUP',
  'L2_NORMALIZATION',
  'L2_POOL_2D',
  'LOCAL_RESPONSE_NORMALIZATION',
  'LOGISTIC',
  'LSH_PROJECTION',
  'LSTM',
  'MAX_POOL_2D',
  'MUL',
  'RELU',
  'RELU_N1_TO_1',
  'RELU6',
  'RESHAPE',
  'RESIZE_BILINEAR',
  'RNN',
  'SOFTMAX',
  'SPACE_TO_DEPTH',
  'SVDF',
  'TANH',
  'CONCAT_EMBEDDINGS',
  'SKIP_GRAM',
  'CALL',
  'CUSTOM',
  'EMBEDDING_LOOKUP_SPARSE',
  'PAD',
  'UNIDIRECTIONAL_SEQUENCE_RNN',
  'GATHER',
  'BATCH_TO_SPACE_ND',
  'SPACE_TO_BATCH_ND',
  'TRANSPOSE',
  'MEAN',
  'SUB',
  'DIV',
  'SQUEEZE',
  'UNIDIRECTIONAL_SEQUENCE_LSTM',
  'STRIDED_SLICE',
  'BIDIRECTIONAL_SEQUENCE_RNN',
  'EXP',
  'TOPK_V2',
  'SPLIT',
  'LOG_SOFTMAX',
  'DELEGATE',
  'BIDIRECTIONAL_SEQUENCE_LSTM',
  'CAST',
  'PRELU',
  'MAXIMUM',
  'ARG_MAX',
  'MINIMUM',
  'LESS',
  'NEG',
  'PADV2',
  'GREATER',
  'GREATER_EQUAL',
  'LESS_EQUAL',
  'SELECT',
  'SLICE',
  'SIN',
  'TRANSPOSE_CONV',
  'SPARSE_TO_DENSE',
  'TILE',
  'EXPAND_DIMS',
  'EQUAL',
  'NOT_EQUAL',
  'LOG',
  'SUM',
  'SQRT',
  'RSQRT',
  'SHAPE',
  'POW',
  'ARG_MIN',
  'FAKE_QUANT',
  'REDUCE_PROD',
  'REDUCE_MAX',
  'PACK',
  'LOGICAL_OR',
  'ONE_HOT',
  'LOGICAL_AND',
  'LOGICAL_NOT',
  'UNPACK',
  'REDUCE_MIN',
  'FLOOR_DIV',
  'REDUCE_ANY',
  'SQUARE',
  'ZEROS_LIKE',
  'FILL',
  'FLOOR_MOD',
  'RANGE',
  'RESIZE_NEAREST_NEIGHBOR',
  'LEAKY_RELU',
  'SQUARED_DIFFERENCE',
  'MIRROR_PAD',
  'ABS',
  'SPLIT_V',
  'UNIQUE',
  'CEIL',
  'REVERSE_V2',
  'ADD_N',
  'GATHER_ND',
  'COS',
  'WHERE',
  'RANK',
  'ELU',
  'REVERSE_SEQUENCE',
  'MATRIX_DIAG',
  'QUANTIZE',
  'MATRIX_SET_DIAG',
  'ROUND',
  'HARD_SWISH',
  'IF',
  'WHILE',
  'NON_MAX_SUPPRESSION_V4',
  'NON_MAX_SUPPRESSION_V5',
  'SCATTER_ND',
  'SELECT_V2',
  'DENSIFY',
  'SEGMENT_SUM',
  'BATCH_MATMUL',
  'PLACEHOLDER_FOR_GREATER_OP_CODES',
  'CUMSUM',
  'CALL_ONCE',
  'BROADCAST_TO',
  'RFFT2D',
  'CONV_3D',
  'IMAG',
  'REAL',
  'COMPLEX_ABS',
  'HASHTABLE',
  'HASHTABLE_FIND',
  'HASHTABLE_IMPORT',
  'HASHTABLE_SIZE',
  'REDUCE_ALL',
  'CONV_3D_TRANSPOSE',
  'VAR_HANDLE',
  'READ_VARIABLE',
  'ASSIGN_VARIABLE',
  'BROADCAST_ARGS',
  'RANDOM_STANDARD_NORMAL',
  'BUCKETIZE',
  'RANDOM_UNIFORM',
  'MULTINOMIAL',
  'GELU',
  'DYNAMIC_UPDATE_SLICE',
  'RELU_0_TO_1',
  'UNSORTED_SEGMENT_PROD',
  'UNSORTED_SEGMENT_MAX',
  'UNSORTED_SEGMENT_SUM',
  'ATAN2',
  'UNSORTED_SEGMENT_MIN',
  'SIGN',
  'BITCAST',
  'BITWISE_XOR',
  'RIGHT_SHIFT',
] as const;

export const CUSTOM_CODE = 32;
/** Codes below this fit the deprecated int8 `deprecated_builtin_code` field. */
export const PLACEHOLDER_FOR_GREATER_OP_CODES = 127;

export function builtinName(code: number): string {
  return BUILTIN_OPERATORS[code] ?? `BUILTIN_${code}`;
}

export function builtinCode(name: string): number {
  const i = (BUILTIN_OPERATORS as readonly string[]).indexOf(name);
  if (i >= 0) return i;
  const m = /^BUILTIN_(\d+)$/.exec(name);
  if (m) return Number(m[1]);
  throw new Error(`unknown builtin operator ${name}`);
}

export const PADDINGS = ['SAME', 'VALID'] as const;
export type Padding = (typeof PADDINGS)[number];
export const ACTIVATIONS = ['NONE', 'RELU', 'RELU_N1_TO_1', 'RELU6', 'TANH', 'SIGN_BIT'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
const MIRROR_PAD_MODES = ['REFLECT', 'SYMMETRIC'] as const;
const FC_WEIGHTS_FORMATS = ['DEFAULT', 'SHUFFLED4x16INT8'] as const;

/**
 * Kinds of scalar/vector fields in builtin-options tables. Enum kinds decode to their names.
 * `f32` fields store float32; `i32[]` is a vector of int32; `f32[]` of float32.
 */
export type FieldKind =
  | 'i32'
  | 'bool'
  | 'f32'
  | 'i32[]'
  | 'f32[]'
  | 'padding'
  | 'activation'
  | 'dtype'
  | 'mirrorPadMode'
  | 'fcWeightsFormat';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  default: number | boolean | string | null;
}

export const ENUM_KINDS: Partial<Record<FieldKind, readonly string[]>> = {
  padding: PADDINGS,
  activation: ACTIVATIONS,
  dtype: TENSOR_TYPES,
  mirrorPadMode: MIRROR_PAD_MODES,
  fcWeightsFormat: FC_WEIGHTS_FORMATS,
};

/** Byte width of a scalar field kind as stored in the table. */
export function scalarWidth(kind: FieldKind): 1 | 4 {
  return kind === 'i32' || kind === 'f32' ? 4 : 1;
}

const f = (name: string, kind: FieldKind, dflt: FieldSpec['default'] = null): FieldSpec => ({
  name,
  kind,
  default:
    dflt ??
    (kind === 'bool' ? false : kind.endsWith('[]') ? null : ENUM_KINDS[kind] ? ENUM_KINDS[kind][0] : 0),
});
const fused = f('fusedActivationFunction', 'activation');
const pad = f('padding', 'padding');
const strideW = f('strideW', 'i32');
const strideH = f('strideH', 'i32');

/**
 * BuiltinOptions union: union type value → table name and its fields by slot.
 * Only the tables tinyforge decodes are listed; others are kept as raw (undecoded) options.
 */
export const BUILTIN_OPTIONS: Record<number, { name: string; fields: FieldSpec[] }> = {
  1: {
    name: 'Conv2DOptions',
    fields: [
      pad,
      strideW,
      strideH,
      fused,
      f('dilationWFactor', 'i32', 1),
      f('dilationHFactor', 'i32', 1),
      f('quantizedBiasType', 'dtype'),
    ],
  },
  2: {
    name: 'DepthwiseConv2DOptions',
    fields: [
      pad,
      strideW,
      strideH,
      f('depthMultiplier', 'i32'),
      fused,
      f('dilationWFactor', 'i32', 1),
      f('dilationHFactor', 'i32', 1),
    ],
  },
  5: {
    name: 'Pool2DOptions',
    fields: [pad, strideW, strideH, f('filterWidth', 'i32'), f('filterHeight', 'i32'), fused],
  },
  6: { name: 'SVDFOptions', fields: [f('rank', 'i32'), fused, f('asymmetricQuantizeInputs', 'bool')] },
  7: { name: 'RNNOptions', fields: [fused, f('asymmetricQuantizeInputs', 'bool')] },
  8: {
    name: 'FullyConnectedOptions',
    fields: [
      fused,
      f('weightsFormat', 'fcWeightsFormat'),
      f('keepNumDims', 'bool'),
      f('asymmetricQuantizeInputs', 'bool'),
      f('quantizedBiasType', 'dtype'),
    ],
  },
  9: { name: 'SoftmaxOptions', fields: [f('beta', 'f32')] },
  10: { name: 'ConcatenationOptions', fields: [f('axis', 'i32'), fused] },
  11: { name: 'AddOptions', fields: [fused, f('potScaleInt16', 'bool', true)] },
  12: { name: 'L2NormOptions', fields: [fused] },
  13: {
    name: 'LocalResponseNormalizationOptions',
    fields: [f('radius', 'i32'), f('bias', 'f32'), f('alpha', 'f32'), f('beta', 'f32')],
  },
  14: {
    name: 'LSTMOptions',
    fields: [
      fused,
      f('cellClip', 'f32'),
      f('projClip', 'f32'),
      f('kernelType', 'i32'),
      f('asymmetricQuantizeInputs', 'bool'),
    ],
  },
  15: {
    name: 'ResizeBilinearOptions',
    fields: [
      f('newHeight', 'i32'),
      f('newWidth', 'i32'),
      f('alignCorners', 'bool'),
      f('halfPixelCenters', 'bool'),
    ],
  },
  17: { name: 'ReshapeOptions', fields: [f('newShape', 'i32[]')] },
  19: { name: 'SpaceToDepthOptions', fields: [f('blockSize', 'i32')] },
  21: { name: 'MulOptions', fields: [fused] },
  22: { name: 'PadOptions', fields: [] },
  23: { name: 'GatherOptions', fields: [f('axis', 'i32'), f('batchDims', 'i32')] },
  24: { name: 'BatchToSpaceNDOptions', fields: [] },
  25: { name: 'SpaceToBatchNDOptions', fields: [] },
  26: { name: 'TransposeOptions', fields: [] },
  27: { name: 'ReducerOptions', fields: [f('keepDims', 'bool')] },
  28: { name: 'SubOptions', fields: [fused, f('potScaleInt16', 'bool', true)] },
  29: { name: 'DivOptions', fields: [fused] },
  30: { name: 'SqueezeOptions', fields: [f('squeezeDims', 'i32[]')] },
  31: {
    name: 'SequenceRNNOptions',
    fields: [f('timeMajor', 'bool'), fused, f('asymmetricQuantizeInputs', 'bool')],
  },
  32: {
    name: 'StridedSliceOptions',
    fields: [
      f('beginMask', 'i32'),
      f('endMask', 'i32'),
      f('ellipsisMask', 'i32'),
      f('newAxisMask', 'i32'),
      f('shrinkAxisMask', 'i32'),
      f('offset', 'bool'),
    ],
  },
  33: { name: 'ExpOptions', fields: [] },
  35: { name: 'SplitOptions', fields: [f('numSplits', 'i32')] },
  36: { name: 'LogSoftmaxOptions', fields: [] },
  37: { name: 'CastOptions', fields: [f('inDataType', 'dtype'), f('outDataType', 'dtype')] },
  38: { name: 'DequantizeOptions', fields: [] },
  39: { name: 'MaximumMinimumOptions', fields: [] },
  40: { name: 'ArgMaxOptions', fields: [f('outputType', 'dtype')] },
  41: { name: 'LessOptions', fields: [] },
  42: { name: 'NegOptions', fields: [] },
  43: { name: 'PadV2Options', fields: [] },
  44: { name: 'GreaterOptions', fields: [] },
  45: { name: 'GreaterEqualOptions', fields: [] },
  46: { name: 'LessEqualOptions', fields: [] },
  47: { name: 'SelectOptions', fields: [] },
  48: { name: 'SliceOptions', fields: [] },
  49: {
    name: 'TransposeConvOptions',
    fields: [pad, strideW, strideH, fused, f('quantizedBiasType', 'dtype')],
  },
  51: { name: 'TileOptions', fields: [] },
  52: { name: 'ExpandDimsOptions', fields: [] },
  53: { name: 'EqualOptions', fields: [] },
  54: { name: 'NotEqualOptions', fields: [] },
  55: { name: 'ShapeOptions', fields: [f('outType', 'dtype')] },
  56: { name: 'PowOptions', fields: [] },
  57: { name: 'ArgMinOptions', fields: [f('outputType', 'dtype')] },
  58: {
    name: 'FakeQuantOptions',
    fields: [f('min', 'f32'), f('max', 'f32'), f('numBits', 'i32'), f('narrowRange', 'bool')],
  },
  59: { name: 'PackOptions', fields: [f('valuesCount', 'i32'), f('axis', 'i32')] },
  60: { name: 'LogicalOrOptions', fields: [] },
  61: { name: 'OneHotOptions', fields: [f('axis', 'i32')] },
  62: { name: 'LogicalAndOptions', fields: [] },
  63: { name: 'LogicalNotOptions', fields: [] },
  64: { name: 'UnpackOptions', fields: [f('num', 'i32'), f('axis', 'i32')] },
  65: { name: 'FloorDivOptions', fields: [] },
  66: { name: 'SquareOptions', fields: [] },
  67: { name: 'ZerosLikeOptions', fields: [] },
  68: { name: 'FillOptions', fields: [] },
  71: {
    name: 'UnidirectionalSequenceLSTMOptions',
    fields: [
      fused,
      f('cellClip', 'f32'),
      f('projClip', 'f32'),
      f('timeMajor', 'bool'),
      f('asymmetricQuantizeInputs', 'bool'),
      f('diagonalRecurrentTensors', 'bool'),
    ],
  },
  72: { name: 'FloorModOptions', fields: [] },
  74: {
    name: 'ResizeNearestNeighborOptions',
    fields: [f('alignCorners', 'bool'), f('halfPixelCenters', 'bool')],
  },
  75: { name: 'LeakyReluOptions', fields: [f('alpha', 'f32')] },
  76: { name: 'SquaredDifferenceOptions', fields: [] },
  77: { name: 'MirrorPadOptions', fields: [f('mode', 'mirrorPadMode')] },
  78: { name: 'AbsOptions', fields: [] },
  79: { name: 'SplitVOptions', fields: [f('numSplits', 'i32')] },
  81: { name: 'ReverseV2Options', fields: [] },
  82: { name: 'AddNOptions', fields: [] },
  83: { name: 'GatherNdOptions', fields: [] },
  84: { name: 'CosOptions', fields: [] },
  86: { name: 'RankOptions', fields: [] },
  89: { name: 'QuantizeOptions', fields: [] },
  91: { name: 'HardSwishOptions', fields: [] },
  94: { name: 'DepthToSpaceOptions', fields: [f('blockSize', 'i32')] },
  98: { name: 'SelectV2Options', fields: [] },
  101: {
    name: 'BatchMatMulOptions',
    fields: [f('adjX', 'bool'), f('adjY', 'bool'), f('asymmetricQuantizeInputs', 'bool')],
  },
  102: { name: 'CumsumOptions', fields: [f('exclusive', 'bool'), f('reverse', 'bool')] },
  104: { name: 'BroadcastToOptions', fields: [] },
  116: { name: 'GeluOptions', fields: [f('approximate', 'bool')] },
  123: { name: 'SignOptions', fields: [] },
};

/** Union value names by type index, for options tinyforge keeps raw. */
export function optionsTableName(type: number): string {
  return BUILTIN_OPTIONS[type]?.name ?? `BuiltinOptions_${type}`;
}

export function optionsTypeByName(name: string): number {
  for (const [k, v] of Object.entries(BUILTIN_OPTIONS)) if (v.name === name) return Number(k);
  const m = /^BuiltinOptions_(\d+)$/.exec(name);
  if (m) return Number(m[1]);
  throw new Error(`unknown builtin options table ${name}`);
}

/** Field slots of the format's tables (slot = position in the table's schema). */
export const MODEL = {
  version: 0,
  operatorCodes: 1,
  subgraphs: 2,
  description: 3,
  buffers: 4,
  metadataBuffer: 5,
  metadata: 6,
  signatureDefs: 7,
};
export const OPERATOR_CODE = { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 };
export const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 };
export const TENSOR = {
  shape: 0,
  type: 1,
  buffer: 2,
  name: 3,
  quantization: 4,
  isVariable: 5,
  sparsity: 6,
  shapeSignature: 7,
  hasRank: 8,
};
export const QUANTIZATION = {
  min: 0,
  max: 1,
  scale: 2,
  zeroPoint: 3,
  detailsType: 4,
  details: 5,
  quantizedDimension: 6,
};
export const OPERATOR = {
  opcodeIndex: 0,
  inputs: 1,
  outputs: 2,
  builtinOptionsType: 3,
  builtinOptions: 4,
  customOptions: 5,
  customOptionsFormat: 6,
  mutatingVariableInputs: 7,
  intermediates: 8,
  largeCustomOptionsOffset: 9,
  largeCustomOptionsSize: 10,
};
export const BUFFER = { data: 0, offset: 1, size: 2 };
export const METADATA = { name: 0, buffer: 1 };
export const SIGNATURE_DEF = { inputs: 0, outputs: 1, signatureKey: 2, subgraphIndex: 4 };
export const TENSOR_MAP = { name: 0, tensorIndex: 1 };

/** Which builtin-options table each operator uses (ops without options are absent). */
export const OP_OPTIONS: Record<string, number> = {
  CONV_2D: 1,
  DEPTHWISE_CONV_2D: 2,
  AVERAGE_POOL_2D: 5,
  MAX_POOL_2D: 5,
  L2_POOL_2D: 5,
  SVDF: 6,
  RNN: 7,
  FULLY_CONNECTED: 8,
  SOFTMAX: 9,
  CONCATENATION: 10,
  ADD: 11,
  L2_NORMALIZATION: 12,
  LOCAL_RESPONSE_NORMALIZATION: 13,
  LSTM: 14,
  RESIZE_BILINEAR: 15,
  RESHAPE: 17,
  SPACE_TO_DEPTH: 19,
  MUL: 21,
  PAD: 22,
  GATHER: 23,
  BATCH_TO_SPACE_ND: 24,
  SPACE_TO_BATCH_ND: 25,
  TRANSPOSE: 26,
  MEAN: 27,
  SUM: 27,
  REDUCE_MAX: 27,
  REDUCE_MIN: 27,
  REDUCE_PROD: 27,
  REDUCE_ANY: 27,
  REDUCE_ALL: 27,
  SUB: 28,
  DIV: 29,
  SQUEEZE: 30,
  UNIDIRECTIONAL_SEQUENCE_RNN: 31,
  STRIDED_SLICE: 32,
  EXP: 33,
  SPLIT: 35,
  LOG_SOFTMAX: 36,
  CAST: 37,
  DEQUANTIZE: 38,
  MAXIMUM: 39,
  MINIMUM: 39,
  ARG_MAX: 40,
  LESS: 41,
  NEG: 42,
  PADV2: 43,
  GREATER: 44,
  GREATER_EQUAL: 45,
  LESS_EQUAL: 46,
  SELECT: 47,
  SLICE: 48,
  TRANSPOSE_CONV: 49,
  TILE: 51,
  EXPAND_DIMS: 52,
  EQUAL: 53,
  NOT_EQUAL: 54,
  SHAPE: 55,
  POW: 56,
  ARG_MIN: 57,
  FAKE_QUANT: 58,
  PACK: 59,
  LOGICAL_OR: 60,
  ONE_HOT: 61,
  LOGICAL_AND: 62,
  LOGICAL_NOT: 63,
  UNPACK: 64,
  FLOOR_DIV: 65,
  SQUARE: 66,
  ZEROS_LIKE: 67,
  FILL: 68,
  UNIDIRECTIONAL_SEQUENCE_LSTM: 71,
  FLOOR_MOD: 72,
  RESIZE_NEAREST_NEIGHBOR: 74,
  LEAKY_RELU: 75,
  SQUARED_DIFFERENCE: 76,
  MIRROR_PAD: 77,
  ABS: 78,
  SPLIT_V: 79,
  REVERSE_V2: 81,
  ADD_N: 82,
  GATHER_ND: 83,
  COS: 84,
  RANK: 86,
  QUANTIZE: 89,
  HARD_SWISH: 91,
  DEPTH_TO_SPACE: 94,
  SELECT_V2: 98,
  BATCH_MATMUL: 101,
  CUMSUM: 102,
  BROADCAST_TO: 104,
  GELU: 116,
  SIGN: 123,
};

/** Default values of every field of an options table. */
export function defaultOptions(type: number): Record<string, number | boolean | string | number[] | null> {
  const out: Record<string, number | boolean | string | number[] | null> = {};
  for (const field of BUILTIN_OPTIONS[type]?.fields ?? []) out[field.name] = field.default;
  return out;
}
