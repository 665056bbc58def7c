/** The TypeScript reference interpreter: the living definition of what a model computes. */
import { InputMismatchError } from '../errors.js';
import type { Graph } from '../graph/graph.js';
import { type PreparedOp, prepareGraph } from './prepare.js';
import { type Placement, TensorStore } from './tensor-store.js';

export interface InterpreterOptions {
  /** Place activations at planned offsets in one shared arena. */
  placement?: Placement;
  /** Called after each op with its index (per-op timing, intermediates). */
  onOp?: (opIndex: number) => void;
}

export class Interpreter {
  readonly graph: Graph;
  readonly ops: PreparedOp[];
  readonly store: TensorStore;
  private readonly onOp?: (opIndex: number) => void;

  constructor(graph: Graph, opts: InterpreterOptions = {}) {
    this.graph = graph;
    this.ops = prepareGraph(graph);
    this.store = new TensorStore(graph, opts.placement);
    this.onOp = opts.onOp;
    this.reset();
  }

  /** Resets state (variable tensors) as TFLM does: int8 to the zero point, others to 0. */
  reset(): void {
    for (const t of this.graph.tensors) {
      if (!t.isVariable) continue;
      const fill = t.dtype === 'int8' && t.quant ? t.quant.zeroPoint[0] & 0xff : 0;
      this.store.bytes(t.index).fill(fill);
    }
  }

  get inputCount(): number {
    return this.graph.inputs.length;
  }

  get outputCount(): number {
    return this.graph.outputs.length;
  }

  setInput(i: number, bytes: Uint8Array): void {
    const t = this.graph.tensors[this.graph.inputs[i]];
    if (!t)
      throw new InputMismatchError(
        `the model has ${this.graph.inputs.length} inputs; there is no input ${i}`,
      );
    if (bytes.byteLength !== t.bytes) {
      throw new InputMismatchError(
        `input ${i} "${t.name}" needs ${t.bytes} bytes (${t.dtype} [${t.shape}]), got ${bytes.byteLength}`,
      );
    }
    this.store.bytes(t.index).set(bytes);
  }

  invoke(): void {
    for (const p of this.ops) {
      p.kernel.eval(p.prepared, this.store);
      this.onOp?.(p.op.index);
    }
  }

  /** A copy of output i's bytes. */
  output(i: number): Uint8Array {
    return this.store.bytes(this.graph.outputs[i]).slice();
  }

  tensorBytes(t: number): Uint8Array {
    return this.store.bytes(t);
  }
}
