/** `--device host`: the TypeScript reference interpreter in this process. */
import type { Graph } from '../graph/graph.js';
import { Interpreter } from '../interpreter/interpreter.js';
import { type DeviceStats, graphIO, type InferenceSession, type IOSpec } from './session.js';

export class HostSession implements InferenceSession {
  readonly device = 'host';
  readonly inputs: IOSpec[];
  readonly outputs: IOSpec[];
  private readonly interp: Interpreter;
  private readonly opMs: number[];
  private lastMs = 0;

  constructor(graph: Graph) {
    this.opMs = new Array(graph.ops.length).fill(0);
    let t0 = 0;
    this.interp = new Interpreter(graph, {
      onOp: (i) => {
        const now = performance.now();
        this.opMs[i] = now - t0;
        t0 = now;
      },
    });
    const start = () => {
      t0 = performance.now();
    };
    this.beforeInvoke = start;
    ({ inputs: this.inputs, outputs: this.outputs } = graphIO(graph));
  }

  private readonly beforeInvoke: () => void;

  async setInput(i: number, bytes: Uint8Array): Promise<void> {
    this.interp.setInput(i, bytes);
  }

  async invoke(): Promise<void> {
    const start = performance.now();
    this.beforeInvoke();
    this.interp.invoke();
    this.lastMs = performance.now() - start;
  }

  async getOutput(i: number): Promise<Uint8Array> {
    return this.interp.output(i);
  }

  async stats(): Promise<DeviceStats> {
    return { total: this.lastMs, unit: 'ms', perOp: [...this.opMs] };
  }

  async reset(): Promise<void> {
    this.interp.reset();
  }

  async close(): Promise<void> {}
}
