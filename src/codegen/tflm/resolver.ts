/** TFLM's MicroMutableOpResolver registration method for each op the model uses. */
import type { Graph } from '../../graph/graph.js';

/** Method names that do not follow CamelCase of the builtin name. */
const SPECIAL: Record<string, string> = {
  CONV_2D: 'AddConv2D',
  DEPTHWISE_CONV_2D: 'AddDepthwiseConv2D',
  AVERAGE_POOL_2D: 'AddAveragePool2D',
  MAX_POOL_2D: 'AddMaxPool2D',
  L2_POOL_2D: 'AddL2Pool2D',
  PADV2: 'AddPadV2',
  RELU6: 'AddRelu6',
  RELU_N1_TO_1: 'AddReluN1To1',
  BATCH_TO_SPACE_ND: 'AddBatchToSpaceNd',
  SPACE_TO_BATCH_ND: 'AddSpaceToBatchNd',
  GATHER_ND: 'AddGatherNd',
  CUMSUM: 'AddCumSum',
  SVDF: 'AddSvdf',
  UNIDIRECTIONAL_SEQUENCE_LSTM: 'AddUnidirectionalSequenceLSTM',
  BATCH_MATMUL: 'AddBatchMatMul',
  ADD_N: 'AddAddN',
  SELECT_V2: 'AddSelectV2',
  SPLIT_V: 'AddSplitV',
  REVERSE_V2: 'AddReverseV2',
  'CUSTOM:ethos-u': 'AddEthosU',
};

export interface Registration {
  opcode: string;
  /** A resolver method call, e.g. `AddConv2D()` or `AddCustom("x", Register_X())`. */
  call: string;
  /** For other custom ops: the registration function the app must provide. */
  customDecl: string | null;
}

export function registrationMethod(opcode: string): string {
  if (SPECIAL[opcode]) return SPECIAL[opcode];
  return `Add${opcode
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}`;
}

function customFunction(code: string): string {
  return `Register_${code.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}

/** One registration per distinct op, in first-use order. */
export function registrations(graph: Graph): Registration[] {
  const seen = new Set<string>();
  const out: Registration[] = [];
  for (const i of graph.order) {
    const opcode = graph.ops[i].opcode;
    if (seen.has(opcode)) continue;
    seen.add(opcode);
    if (opcode.startsWith('CUSTOM:') && !SPECIAL[opcode]) {
      const code = opcode.slice(7);
      const fn = customFunction(code);
      out.push({ opcode, call: `AddCustom("${code}", ${fn}())`, customDecl: fn });
    } else {
      out.push({ opcode, call: `${registrationMethod(opcode)}()`, customDecl: null });
    }
  }
  return out;
}
