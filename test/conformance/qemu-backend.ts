/**
 * The QEMU firmware backends of the conformance suite: per model and board, one project is
 * created, built and flashed (cached by the hash of everything generated) and one QEMU runs
 * all of that model's cases. Models with ops that have no C kernel yet, and models that do
 * not fit the board, are skipped with the reason rather than failed.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { afterAll, TestRunner } from 'vitest';
import { C_EMITTERS } from '../../src/codegen/c/ops/registry.js';
import { PlanError, UnsupportedOperatorError } from '../../src/errors.js';
import { loadModel } from '../../src/graph/load.js';
import { REGISTRY } from '../../src/kernels/registry.js';
import { cachedProject } from '../../src/platforms/cached-project.js';
import { type MicroSession, openMicro } from '../../src/run/micro.js';
import { sharedModels } from '../support/shared.js';
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
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error(note);
  return test.context.skip(note) as never;
}

type Built = { dir: string } | { skip: string };

/**
 * Builds the projects of every golden model ahead of the tests that need them, a few at a
 * time in test order, so compiling overlaps with running: a cold cache builds ~100 firmwares.
 */
class BuildQueue {
  private readonly results = new Map<string, Promise<Built>>();
  private readonly starters = new Map<string, () => void>();
  private readonly waiting: string[] = [];
  private running = 0;

  constructor(
    private readonly board: string,
    private readonly concurrency: number,
  ) {}

  prefetch(paths: readonly string[]): void {
    for (const p of paths) if (!this.results.has(p)) this.enqueue(p);
  }

  get(path: string): Promise<Built> {
    if (!this.results.has(path)) this.enqueue(path, true);
    return this.results.get(path)!;
  }

  private enqueue(path: string, first = false): void {
    let start!: () => void;
    const ready = new Promise<void>((resolve) => {
      start = resolve;
    });
    const built = ready
      .then(() => build(path, this.board))
      .finally(() => {
        this.running--;
        this.next();
      });
    built.catch(() => undefined);
    this.results.set(path, built);
    this.starters.set(path, start);
    if (first) this.waiting.unshift(path);
    else this.waiting.push(path);
    this.next();
  }

  private next(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      this.running++;
      this.starters.get(this.waiting.shift()!)!();
    }
  }
}

async function build(modelPath: string, board: string): Promise<Built> {
  const missing = missingCEmitters(modelPath);
  if (missing.length > 0) return { skip: `no C kernel yet: ${missing.join(', ')}` };
  try {
    return {
      dir: await cachedProject({ source: modelPath, platform: 'qemu', options: { board, counter: 'none' } }),
    };
  } catch (e) {
    if (e instanceof PlanError || e instanceof UnsupportedOperatorError) return { skip: e.message };
    throw e;
  }
}

/** The golden test's models, in its order. */
const goldenModels = (): string[] =>
  sharedModels()
    .filter((m) => m.tflm !== null && m.cases.length > 0)
    .map((m) => m.path);

export function qemuBackend(name: string, board: string): Backend {
  let open: { modelPath: string; session: MicroSession } | undefined;
  const closeOpen = async (): Promise<void> => {
    await open?.session.close();
    open = undefined;
  };
  afterAll(closeOpen);
  const queue = new BuildQueue(board, Math.max(1, availableParallelism() - 1));

  async function sessionFor(modelPath: string): Promise<MicroSession> {
    if (open?.modelPath === modelPath) return open.session;
    await closeOpen();
    queue.prefetch(goldenModels());
    const built = await queue.get(modelPath);
    if ('skip' in built) skip(built.skip);
    open = { modelPath, session: await openMicro(built.dir) };
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
