/**
 * Backends the conformance suite runs every golden case through. Later backends (host C,
 * QEMU firmware) add an entry here and the suite runs them unchanged.
 */
import { loadModel } from '../../src/graph/load.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';

export interface Backend {
  name: string;
  /** Whether this backend can run here (toolchains present). */
  available(): boolean;
  /** Runs one inference; inputs/outputs are raw bytes in graph input/output order. */
  run(modelPath: string, inputs: Uint8Array[]): Promise<Uint8Array[]>;
}

export const tsInterpreter: Backend = {
  name: 'ts-interpreter',
  available: () => true,
  async run(modelPath, inputs) {
    const { graph } = loadModel(modelPath);
    const interp = new Interpreter(graph);
    inputs.forEach((b, i) => {
      interp.setInput(i, b);
    });
    interp.invoke();
    return graph.outputs.map((_, i) => interp.output(i));
  },
};

export const BACKENDS: Backend[] = [tsInterpreter];
