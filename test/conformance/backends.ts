/**
 * Backends the conformance suite runs every golden case through. Later backends (host C,
 * QEMU firmware) add an entry here and the suite runs them unchanged.
 */
import { loadModel } from '../../src/graph/load.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { openNative } from '../../src/run/native.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { qemuBackend } from './qemu-backend.js';

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

/** The generated C compiled for this machine, behind the device protocol (run --device native). */
export const nativeC: Backend = {
  name: 'native-c',
  available: () => hostCcAvailable,
  async run(modelPath, inputs) {
    const session = await openNative(modelPath);
    try {
      for (let i = 0; i < inputs.length; i++) await session.setInput(i, inputs[i]);
      await session.invoke();
      const outputs: Uint8Array[] = [];
      for (let i = 0; i < session.outputs.length; i++) outputs.push(await session.getOutput(i));
      return outputs;
    } finally {
      await session.close();
    }
  },
};

/** The firmware on emulated boards: Cortex-M4 (mps2-an386) and Cortex-M55 (mps3-an547). */
export const qemuM4: Backend = qemuBackend('qemu-m4', 'mps2-an386');
export const qemuM55: Backend = qemuBackend('qemu-m55', 'mps3-an547');

export const BACKENDS: Backend[] = [tsInterpreter, nativeC, qemuM4, qemuM55];
