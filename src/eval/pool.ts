/**
 * Hands samples to parallel slots (threads, processes, QEMUs) one at a time. Stopping (the
 * signal) starts nothing new and keeps every finished result. Ctrl-C reaches child processes
 * (native executables, QEMU) too, and their death can be seen before Node runs its SIGINT
 * handler: an error followed shortly by the stop is the stop's doing and is dropped.
 */

export interface Progress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface PoolOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** How long a failed task waits for a stop that explains it. */
const STOP_GRACE_MS = 500;

function abortedWithin(signal: AbortSignal | undefined, ms: number): Promise<boolean> {
  if (!signal) return Promise.resolve(false);
  if (signal.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PoolResult<T> {
  /** Results by task index; undefined for tasks never finished. */
  results: (T | undefined)[];
  done: number;
  stopped: boolean;
}

export async function runPool<S, T>(
  slots: readonly S[],
  total: number,
  work: (slot: S, task: number) => Promise<T>,
  opts: PoolOptions = {},
): Promise<PoolResult<T>> {
  const results: (T | undefined)[] = new Array(total);
  const t0 = performance.now();
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | null = null;
  const stopping = () => failure !== null || Boolean(opts.signal?.aborted);
  const loop = async (slot: S) => {
    while (next < total && !stopping()) {
      const task = next++;
      try {
        results[task] = await work(slot, task);
      } catch (error) {
        if (!(await abortedWithin(opts.signal, STOP_GRACE_MS))) failure ??= { error };
        return;
      }
      done++;
      opts.onProgress?.({ done, total, elapsedMs: performance.now() - t0 });
    }
  };
  await Promise.all(slots.map(loop));
  if (failure) throw (failure as { error: unknown }).error;
  return { results, done, stopped: done < total };
}
