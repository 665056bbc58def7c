/**
 * The tensor-arena size a TFLM build needs: the head (tensors and scratch, planned by
 * tinyforge and embedded as TFLM's offline plan) plus TFLM's persistent tail.
 */
import type { Graph } from '../../graph/graph.js';
import type { PlanResult } from '../../planner/types.js';

const CONV_OPS = new Set(['CONV_2D', 'DEPTHWISE_CONV_2D', 'TRANSPOSE_CONV']);
/** Head room over the fitted tail: the fit's largest underestimate on the shared models was 250 B. */
const MARGIN_BYTES = 512;

/**
 * TFLM's persistent tail, fitted on what TFLM reported for the shared models on x86-64
 * (8-byte pointers, so an upper bound on 32-bit targets): a base, per tensor and per op
 * bookkeeping, per-channel requantization arrays of convolutions, and variable tensors.
 */
export function estimatePersistentBytes(graph: Graph): number {
  const channels = graph.ops
    .filter((o) => CONV_OPS.has(o.opcode))
    .reduce((s, o) => s + (graph.tensors[o.outputs[0]].shape.at(-1) ?? 0), 0);
  const variables = graph.tensors.filter((t) => t.isVariable).reduce((s, t) => s + t.bytes, 0);
  const fitted = 675 + 48 * graph.tensors.length + 88 * graph.ops.length + 8.2 * channels + variables;
  return Math.ceil((fitted + MARGIN_BYTES) / 16) * 16;
}

export interface ArenaEstimate {
  headBytes: number;
  persistentBytes: number;
  arenaBytes: number;
  method: 'estimate' | 'measured';
}

export function estimateArena(graph: Graph, plan: PlanResult): ArenaEstimate {
  const head = plan.arenaBytes;
  const persistent = estimatePersistentBytes(graph);
  return { headBytes: head, persistentBytes: persistent, arenaBytes: head + persistent, method: 'estimate' };
}
