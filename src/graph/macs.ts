/** Multiply-accumulate counts per op: what an embedded engineer budgets compute with. */
import type { Graph, GraphOp } from './graph.js';

function elements(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** MACs of one op; 0 for ops without multiply-accumulate work. */
export function opMacs(graph: Graph, op: GraphOp): number {
  const t = (i: number) =>
    op.inputs[i] !== undefined && op.inputs[i] >= 0 ? graph.tensors[op.inputs[i]] : null;
  const out = op.outputs[0] === undefined ? null : graph.tensors[op.outputs[0]];
  if (!out) return 0;
  switch (op.opcode) {
    case 'CONV_2D': {
      const w = t(1);
      // filter [out_ch, kh, kw, in_ch/groups]
      return w ? elements(out.shape) * w.shape[1] * w.shape[2] * w.shape[3] : 0;
    }
    case 'DEPTHWISE_CONV_2D': {
      const w = t(1);
      return w ? elements(out.shape) * w.shape[1] * w.shape[2] : 0;
    }
    case 'TRANSPOSE_CONV': {
      const w = t(1);
      const input = t(2);
      return w && input ? elements(input.shape) * w.shape[0] * w.shape[1] * w.shape[2] : 0;
    }
    case 'FULLY_CONNECTED': {
      const w = t(1);
      return w ? elements(out.shape) * w.shape[w.shape.length - 1] : 0;
    }
    case 'BATCH_MATMUL': {
      const a = t(0);
      return a ? elements(out.shape) * a.shape[a.shape.length - 1] : 0;
    }
    case 'SVDF': {
      const wf = t(1);
      const wt = t(2);
      const input = t(0);
      if (!wf || !wt || !input) return 0;
      const batch = input.shape[0];
      return batch * (wf.shape[0] * wf.shape[1] + wt.shape[0] * wt.shape[1]);
    }
    case 'UNIDIRECTIONAL_SEQUENCE_LSTM': {
      const input = t(0);
      const w = t(2); // input_to_forget_weights [n_cell, n_input]
      const r = t(6); // recurrent_to_forget_weights [n_cell, n_output]
      if (!input || !w || !r) return 0;
      const steps = elements(input.shape) / input.shape[input.shape.length - 1];
      return steps * 4 * (w.shape[0] * w.shape[1] + r.shape[0] * r.shape[1]);
    }
    default:
      return 0;
  }
}
