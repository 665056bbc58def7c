/**
 * Hands samples to parallel slots (threads, processes, QEMUs) one at a time. Stopping (the
 * signal) finishes nothing new and keeps every finished result; errors after a stop are the
 * stop's doing (Ctrl-C reaches child processes too) and are dropped.
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
        if (!opts.signal?.aborted) failure ??= { error };
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
