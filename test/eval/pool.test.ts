/** The sample pool: every task once, results by index, stop keeps finished work, errors surface. */
import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/eval/pool.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('runPool', () => {
  it('runs every task once across the slots and keeps results by task index', async () => {
    const seen: [string, number][] = [];
    const progress: number[] = [];
    const r = await runPool(
      ['a', 'b', 'c'],
      10,
      async (slot, k) => {
        seen.push([slot, k]);
        await tick();
        return k * k;
      },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(r.results).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
    expect(r).toMatchObject({ done: 10, stopped: false });
    expect(seen.map(([, k]) => k).sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    expect(new Set(seen.map(([s]) => s))).toEqual(new Set(['a', 'b', 'c']));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('stops on the signal, keeps finished results and drops errors of tasks in flight', async () => {
    const controller = new AbortController();
    const r = await runPool(
      [1, 2],
      100,
      async (_slot, k) => {
        await tick();
        if (k === 5) controller.abort();
        if (controller.signal.aborted && k > 5) throw new Error('child killed by Ctrl-C');
        return k;
      },
      { signal: controller.signal },
    );
    expect(r.stopped).toBe(true);
    expect(r.done).toBeLessThan(100);
    const finished = r.results.filter((x) => x !== undefined);
    expect(finished).toHaveLength(r.done);
    expect(finished).toContain(5);
  });

  it('counts an error followed closely by the stop as the stop (Ctrl-C kills children first)', async () => {
    const controller = new AbortController();
    const r = await runPool(
      [1],
      10,
      async (_slot, k) => {
        if (k < 3) return k;
        setImmediate(() => controller.abort());
        throw new Error('write EPIPE');
      },
      { signal: controller.signal },
    );
    expect(r).toMatchObject({ done: 3, stopped: true });
    expect(r.results.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('throws the first error and starts no new tasks after it', async () => {
    let started = 0;
    const p = runPool([1, 2], 50, async (_slot, k) => {
      started++;
      await tick();
      if (k === 3) throw new Error('device fell over');
      return k;
    });
    await expect(p).rejects.toThrow('device fell over');
    expect(started).toBeLessThan(50);
  });

  it('does nothing for no tasks', async () => {
    expect(await runPool([1], 0, async () => 1)).toEqual({ results: [], done: 0, stopped: false });
  });
});
