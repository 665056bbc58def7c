/**
 * The QEMU firmware backends of the conformance suite: per model and board, one project is
 * created, built and flashed (cached by the hash of everything generated) and one QEMU runs
 * all of that model's cases. Models with ops that have no C kernel yet, and models that do
 * not fit the board, are skipped with the reason rather than failed.
 */
import { spawnSync } from 'node:child_process';
import { afterAll } from 'vitest';
import { getCurrentTest } from 'vitest/suite';
import { C_EMITTERS } from '../../src/codegen/c/ops/registry.js';
import { PlanError, UnsupportedOperatorError } from '../../src/errors.js';
import { loadModel } from '../../src/graph/load.js';
import { REGISTRY } from '../../src/kernels/registry.js';
import { cachedProject } from '../../src/platforms/cached-project.js';
import { type MicroSession, openMicro } from '../../src/run/micro.js';
import { armGccAvailable, qemuAvailable } from '../support/toolchains.js';
import type { Backend } from './backends.js';

const cmakeAvailable = spawnSync('cmake', ['--version'], { stdio: 'ignore' }).status === 0;

/** Ops of the model that the C backend cannot emit yet (views need no kernel). */
export function missingCEmitters(modelPath: string): string[] {
  const { graph } = loadModel(modelPath);
  const missing = graph.ops.filter(
    (op) => !C_EMITTERS.has(op.opcode) && REGISTRY.get(op.opcode)?.alias !== 'view',
  );
  return [...new Set(missing.map((op) => op.opcode))];
}

function skip(note: string): never {
  const test = getCurrentTest();
  if (!test) throw new Error(note);
  return test.context.skip(note) as never;
}

interface Open {
  modelPath: string;
  session: MicroSession;
}

export function qemuBackend(name: string, board: string): Backend {
  let open: Open | undefined;
  const closeOpen = async (): Promise<void> => {
    await open?.session.close();
    open = undefined;
  };
  afterAll(closeOpen);

  const skipped = new Map<string, string>();

  async function sessionFor(modelPath: string): Promise<MicroSession> {
    if (open?.modelPath === modelPath) return open.session;
    await closeOpen();
    const reason = skipped.get(modelPath);
    if (reason) skip(reason);
    const missing = missingCEmitters(modelPath);
    if (missing.length > 0) {
      skipped.set(modelPath, `no C kernel yet: ${missing.join(', ')}`);
      skip(skipped.get(modelPath)!);
    }
    let dir: string;
    try {
      dir = await cachedProject({ source: modelPath, platform: 'qemu', options: { board, counter: 'none' } });
    } catch (e) {
      if (!(e instanceof PlanError || e instanceof UnsupportedOperatorError)) throw e;
      skipped.set(modelPath, e.message);
      skip(e.message);
    }
    open = { modelPath, session: await openMicro(dir) };
    return open.session;
  }

  return {
    name,
    available: () => armGccAvailable && qemuAvailable && cmakeAvailable,
    async run(modelPath, inputs) {
      const session = await sessionFor(modelPath);
      // Each golden case starts from a fresh model state, as TFLM produced it.
      await session.reset();
      for (let i = 0; i < inputs.length; i++) await session.setInput(i, inputs[i]!);
      await session.invoke();
      const outputs: Uint8Array[] = [];
      for (let i = 0; i < session.outputs.length; i++) outputs.push(await session.getOutput(i));
      return outputs;
    },
  };
}
