/** An inference session on some device: the one interface `run` and `eval` drive. */
import type { Graph, GraphTensor } from '../graph/graph.js';

export interface IOSpec {
  index: number;
  name: string;
  dtype: string;
  shape: number[];
  bytes: number;
  scale: number | null;
  zeroPoint: number | null;
}

export interface DeviceStats {
  /** Instructions (or cycles, see `unit`) of the last invoke, and per op when measured. */
  total: number;
  unit: 'instructions' | 'cycles' | 'ms';
  perOp: number[];
}

export interface InferenceSession {
  readonly device: string;
  readonly inputs: IOSpec[];
  readonly outputs: IOSpec[];
  setInput(i: number, bytes: Uint8Array): Promise<void>;
  invoke(): Promise<void>;
  getOutput(i: number): Promise<Uint8Array>;
  /** Device-side counts of the last invoke, when the device measures them. */
  stats(): Promise<DeviceStats | null>;
  /** Resets model state (variable tensors). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function ioSpec(t: GraphTensor): IOSpec {
  return {
    index: t.index,
    name: t.name,
    dtype: t.dtype,
    shape: t.shape,
    bytes: t.bytes,
    scale: t.quant ? t.quant.scale[0] : null,
    zeroPoint: t.quant ? t.quant.zeroPoint[0] : null,
  };
}

export function graphIO(graph: Graph): { inputs: IOSpec[]; outputs: IOSpec[] } {
  return {
    inputs: graph.inputs.map((i) => ioSpec(graph.tensors[i])),
    outputs: graph.outputs.map((i) => ioSpec(graph.tensors[i])),
  };
}
