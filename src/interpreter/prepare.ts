/** Prepares every op of a graph, reporting all unsupported ops at once. */
import { type UnsupportedOp, UnsupportedOperatorError } from '../errors.js';
import type { Graph, GraphOp } from '../graph/graph.js';
import { findKernel } from '../kernels/registry.js';
import { type Kernel, makePrepareContext, UnsupportedConfig } from '../kernels/types.js';

export interface PreparedOp {
  op: GraphOp;
  kernel: Kernel<unknown>;
  prepared: unknown;
}

/** The dtype an op is reported under: its first tensor input, else its first output. */
export function opDType(graph: Graph, op: GraphOp): string {
  const t =
    op.inputs.find((i) => i >= 0 && !graph.tensors[i].data) ?? op.inputs.find((i) => i >= 0) ?? op.outputs[0];
  return t === undefined ? 'none' : graph.tensors[t].dtype;
}

export function prepareGraph(graph: Graph): PreparedOp[] {
  const unsupported: UnsupportedOp[] = [];
  const prepared: PreparedOp[] = [];
  for (const index of graph.order) {
    const op = graph.ops[index];
    const kernel = findKernel(op.opcode);
    if (!kernel) {
      unsupported.push({ index, opcode: op.opcode, dtype: opDType(graph, op) });
      continue;
    }
    try {
      prepared.push({ op, kernel, prepared: kernel.prepare(makePrepareContext(graph, op)) });
    } catch (e) {
      if (!(e instanceof UnsupportedConfig)) throw e;
      unsupported.push({ index, opcode: op.opcode, dtype: opDType(graph, op), reason: e.message });
    }
  }
  if (unsupported.length > 0) throw new UnsupportedOperatorError(unsupported);
  return prepared;
}
