/**
 * The op-kernel contract. `prepare` does every check and all quantization-parameter math and
 * returns plain data (the C code generator emits the same constants); `eval` is pure arithmetic.
 */
import { KernelPrepareError } from '../errors.js';
import type { Graph, GraphOp, GraphTensor } from '../graph/graph.js';
import type { TensorStore } from '../interpreter/tensor-store.js';

/** Thrown by prepare for a configuration tinyforge does not implement (collected, not fatal alone). */
export class UnsupportedConfig extends Error {}

export interface PrepareContext {
  graph: Graph;
  op: GraphOp;
  /** Required input i; fails prepare when absent. */
  input(i: number): GraphTensor;
  /** Optional input i, or null when omitted (-1) or past the end. */
  optionalInput(i: number): GraphTensor | null;
  output(i: number): GraphTensor;
  /** Throws KernelPrepareError: the model is inconsistent for this op. */
  fail(message: string): never;
  /** Throws UnsupportedConfig: valid TFLite, but not something tinyforge runs (e.g. a dtype). */
  unsupported(reason: string): never;
}

/** How an output may share memory with an input; the planner and every backend honour it. */
export type AliasKind =
  /** Output 0 is the same bytes as input 0 (RESHAPE, SQUEEZE, EXPAND_DIMS). */
  | 'view'
  /** Output 0 may overwrite input 0 when input 0 dies at this op (element-wise, same shape). */
  | 'in-place';

export interface Kernel<P = unknown> {
  op: string;
  prepare(ctx: PrepareContext): P;
  eval(p: P, store: TensorStore): void;
  /** Scratch bytes this configuration needs during eval (live only during the op). */
  scratchBytes?(p: P): number;
  alias?: AliasKind;
}

/** Defines a kernel with its prepared-data type inferred. */
export function defineKernel<P>(k: Kernel<P>): Kernel<P> {
  return k;
}

export function makePrepareContext(graph: Graph, op: GraphOp): PrepareContext {
  const fail = (message: string): never => {
    throw new KernelPrepareError(op.index, op.opcode, message);
  };
  return {
    graph,
    op,
    input(i) {
      const t = op.inputs[i];
      if (t === undefined || t < 0) fail(`input ${i} is required but missing`);
      return graph.tensors[t];
    },
    optionalInput(i) {
      const t = op.inputs[i];
      return t === undefined || t < 0 ? null : graph.tensors[t];
    },
    output(i) {
      const t = op.outputs[i];
      if (t === undefined) fail(`output ${i} is missing`);
      return graph.tensors[t];
    },
    fail,
    unsupported(reason) {
      throw new UnsupportedConfig(reason);
    },
  };
}
