import { describe, expect, it } from 'vitest';
import { TransportEvents } from '../../src/transport/transport.js';

describe('TransportEvents', () => {
  it('keeps data for the first listener, at most the last MiB', () => {
    const events = new TransportEvents();
    for (let i = 0; i < 5; i++) events.emitData(new Uint8Array(300_000).fill(i));
    const seen: number[] = [];
    events.onData((c) => seen.push(c[0]!));
    expect(seen).toEqual([2, 3, 4]);
    events.emitData(Uint8Array.of(9));
    expect(seen.at(-1)).toBe(9);
  });

  it('closes once and tells late listeners', async () => {
    const events = new TransportEvents();
    const first = new Error('first');
    const calls: Array<Error | undefined> = [];
    events.onClose((e) => calls.push(e));
    events.emitClose(first);
    events.emitClose(new Error('second'));
    const late = await new Promise((resolve) => events.onClose(resolve));
    expect(calls).toEqual([first]);
    expect(late).toBe(first);
    expect(events.isClosed).toBe(true);
  });
});
