/**
 * What each op asks of memory: whether its output may share its input's bytes, and how much
 * scratch it needs. Both come from the kernels, through the same prepare the interpreter runs.
 */
import { UnsupportedOperatorError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import { prepareGraph } from '../interpreter/prepare.js';
import { findKernel } from '../kernels/registry.js';
import { type AliasKind, type Kernel, makePrepareContext } from '../kernels/types.js';

export interface OpMemory {
  alias: AliasKind | null;
  scratchBytes: number;
  /** False when no kernel could prepare the op: its scratch is unknown and it never aliases. */
  prepared: boolean;
}

const UNPREPARED: OpMemory = { alias: null, scratchBytes: 0, prepared: false };

function memoryOf(kernel: Kernel<unknown>, prepared: unknown): OpMemory {
  return { alias: kernel.alias ?? null, scratchBytes: kernel.scratchBytes?.(prepared) ?? 0, prepared: true };
}

/**
 * One entry per op index. Strict by default: an op no kernel runs throws the interpreter's
 * UnsupportedOperatorError. `lenient` plans around such ops instead (unknown scratch, no alias),
 * for reporting on models whose kernels are not all written yet.
 */
export function opMemoryFromKernels(graph: Graph, lenient = false): OpMemory[] {
  const table: OpMemory[] = graph.ops.map(() => UNPREPARED);
  try {
    for (const p of prepareGraph(graph)) table[p.op.index] = memoryOf(p.kernel, p.prepared);
    return table;
  } catch (e) {
    if (!lenient || !(e instanceof UnsupportedOperatorError)) throw e;
    const unsupported = new Set(e.ops.map((o) => o.index));
    for (const op of graph.ops) {
      const kernel = findKernel(op.opcode);
      if (unsupported.has(op.index) || !kernel) continue;
      table[op.index] = memoryOf(kernel, kernel.prepare(makePrepareContext(graph, op)));
    }
    return table;
  }
}
