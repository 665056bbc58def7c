/**
 * Running one sample: inputs in, a timed invoke, outputs and device counts out. The same
 * interface over a session in this thread and over a host interpreter in a worker thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TinyforgeError } from '../errors.js';
import type { DeviceStats, InferenceSession, IOSpec } from '../run/session.js';

export interface SampleOutput {
  outputs: Uint8Array[];
  /** Wall time of the invoke, in milliseconds. */
  ms: number;
  stats: DeviceStats | null;
}

export interface SampleRunner {
  readonly device: string;
  readonly inputs: IOSpec[];
  readonly outputs: IOSpec[];
  run(inputs: Uint8Array[]): Promise<SampleOutput>;
  close(): Promise<void>;
}

/** Every sample starts from the model's initial state, so results do not depend on order. */
export async function runOnSession(session: InferenceSession, inputs: Uint8Array[]): Promise<SampleOutput> {
  await session.reset();
  for (let i = 0; i < inputs.length; i++) await session.setInput(i, inputs[i]);
  const t0 = performance.now();
  await session.invoke();
  const ms = performance.now() - t0;
  const outputs: Uint8Array[] = [];
  for (let i = 0; i < session.outputs.length; i++) outputs.push(await session.getOutput(i));
  return { outputs, ms, stats: await session.stats() };
}

export function sessionRunner(session: InferenceSession): SampleRunner {
  return {
    device: session.device,
    inputs: session.inputs,
    outputs: session.outputs,
    run: (inputs) => runOnSession(session, inputs),
    close: () => session.close(),
  };
}

export interface WireError {
  code?: string;
  message: string;
  hint?: string;
  exitCode?: number;
}

export function toWireError(e: unknown): WireError {
  if (e instanceof TinyforgeError)
    return { code: e.code, message: e.message, hint: e.hint, exitCode: e.exitCode };
  return { message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

function fromWireError(w: WireError): Error {
  if (w.code) return new TinyforgeError(w.code as TinyforgeError['code'], w.message, w.hint, w.exitCode);
  return new Error(`host worker: ${w.message}`);
}

export type WorkerReply =
  | { type: 'ready'; inputs: IOSpec[]; outputs: IOSpec[] }
  | { type: 'result'; result: SampleOutput }
  | { type: 'error'; error: WireError };

/**
 * Built, the worker is plain .js. From source (tests, tsx) it is a .ts file: a small data: URL
 * module registers tsx in the worker first (`--import` in a worker's execArgv does not).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./host-worker.js', import.meta.url);
  const tsx = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./host-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(pathToFileURL(tsx).href)};
register();
await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The host interpreter on a worker thread: one sample at a time, as the pool hands them out. */
export async function threadRunner(modelPath: string): Promise<SampleRunner> {
  const worker = new Worker(workerEntry(), { workerData: { modelPath } });
  let pending: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null = null;
  const next = () =>
    new Promise<WorkerReply>((resolve, reject) => {
      pending = { resolve, reject };
    });
  worker.on('message', (m: WorkerReply) => pending?.resolve(m));
  worker.on('error', (e) => pending?.reject(e));
  worker.on('exit', (code) => pending?.reject(new Error(`host worker exited with code ${code}`)));
  const expect = async <T extends WorkerReply['type']>(type: T) => {
    const reply = await next();
    if (reply.type === 'error') throw fromWireError(reply.error);
    if (reply.type !== type) throw new Error(`host worker: expected ${type}, got ${reply.type}`);
    return reply as Extract<WorkerReply, { type: T }>;
  };
  const ready = expect('ready');
  const io = await ready.catch(async (e) => {
    await worker.terminate();
    throw e;
  });
  return {
    device: 'host',
    inputs: io.inputs,
    outputs: io.outputs,
    run: async (inputs) => {
      const reply = expect('result');
      worker.postMessage(inputs);
      return (await reply).result;
    },
    close: async () => {
      pending = null;
      await worker.terminate();
    },
  };
}
