import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { spawnTransport } from '../../src/transport/child-process.js';

function nextClose(transport: { onClose(l: (e?: Error) => void): () => void }): Promise<Error | undefined> {
  return new Promise((resolve) => transport.onClose(resolve));
}

function collect(
  transport: { onData(l: (c: Uint8Array) => void): () => void },
  bytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise((resolve) => {
    let total = 0;
    transport.onData((chunk) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= bytes) resolve(Uint8Array.from(chunks.flatMap((c) => Array.from(c))));
    });
  });
}

describe('child-process transport', () => {
  it('moves binary data both ways, keeping data that arrives before a listener', async () => {
    const transport = await spawnTransport('cat');
    const data = Uint8Array.from({ length: 70_000 }, (_, i) => i % 256);
    await transport.write(data);
    await transport.write(Uint8Array.of(0, 0xff));
    expect(await collect(transport, data.length + 2)).toEqual(Uint8Array.of(...data, 0, 0xff));
    expect(transport.description).toBe('child cat');
    await transport.close();
  });

  it('fails to start a missing program with TransportError', async () => {
    await expect(spawnTransport('/nonexistent/tinyforge-device')).rejects.toThrow(
      /could not start \/nonexistent\/tinyforge-device/,
    );
  });

  it('reports an exit with its code and stderr, then refuses writes', async () => {
    const transport = await spawnTransport('sh', ['-c', 'echo "arena overflow" >&2; exit 3']);
    const error = await nextClose(transport);
    expect(error).toBeInstanceOf(TransportError);
    expect(error?.message).toMatch(/child sh exited with code 3\narena overflow/);
    expect(transport.stderrTail).toContain('arena overflow');
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(TransportError);
    const late = await nextClose(transport);
    expect(late).toBe(error);
  });

  it('kills a child that ignores end of input on close', async () => {
    const transport = await spawnTransport('sh', ['-c', 'trap "" TERM; while :; do sleep 1; done'], {
      closeGraceMs: 50,
    });
    const closed = nextClose(transport);
    await transport.close();
    expect(transport.child.signalCode).toBe('SIGKILL');
    expect(await closed).toBeUndefined();
  });
});
