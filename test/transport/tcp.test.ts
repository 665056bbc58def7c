import { spawn } from 'node:child_process';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { DeviceClient } from '../../src/protocol/client.js';
import { connectTcp } from '../../src/transport/tcp.js';
import { buildEchoDevice } from '../protocol/echo-device.js';

const servers: net.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(handler: (socket: net.Socket) => void, port = 0): Promise<number> {
  const server = net.createServer(handler);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('tcp transport', () => {
  it('retries until the server comes up, then moves bytes both ways', async () => {
    const port = await freePort();
    const connecting = connectTcp({ port, connectTimeoutMs: 10_000, retryIntervalMs: 20 });
    // Listen only after the first attempts were refused, as QEMU does.
    await sleep(60);
    await listen((socket) => socket.pipe(socket), port);
    const transport = await connecting;
    const received = new Promise<Uint8Array>((resolve) => transport.onData(resolve));
    await transport.write(Uint8Array.of(0, 1, 2, 0xff));
    expect(await received).toEqual(Uint8Array.of(0, 1, 2, 0xff));
    expect(transport.description).toBe(`tcp 127.0.0.1:${port}`);
    await transport.close();
  });

  it('gives up at the deadline with TransportError naming the address', async () => {
    const port = await freePort();
    const error = await connectTcp({ port, connectTimeoutMs: 200, retryIntervalMs: 20 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransportError);
    expect((error as Error).message).toMatch(
      new RegExp(`could not connect to 127.0.0.1:${port} within 200 ms \\(ECONNREFUSED\\)`),
    );
  });

  it('reports the peer closing and refuses later writes', async () => {
    const port = await listen((socket) => socket.end());
    const transport = await connectTcp({ port });
    const error = await new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    expect(error).toBeInstanceOf(TransportError);
    expect(error?.message).toMatch(/the peer closed the connection/);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(TransportError);
  });

  it('carries the protocol to the C echo device behind a socket', async () => {
    const exe = await buildEchoDevice();
    const port = await listen((socket) => {
      const child = spawn(exe, [], { stdio: ['pipe', 'pipe', 'inherit'] });
      socket.pipe(child.stdin);
      child.stdout.pipe(socket);
      socket.on('close', () => child.kill());
      socket.on('error', () => child.kill());
    });
    const client = new DeviceClient(await connectTcp({ port }));
    expect((await client.info()).modelName).toBe('echo_plus_one');
    await client.setInput(0, new Uint8Array(2000).fill(41));
    await client.invoke();
    expect(await client.getOutput(0)).toEqual(new Uint8Array(2000).fill(42));
    await client.close();
  });
});
