/**
 * TCP transport, for QEMU's `-serial tcp:127.0.0.1:PORT,server=on,wait=on`: QEMU opens the
 * port a moment after it starts, so connecting retries until a deadline.
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TransportError } from '../errors.js';
import { type Transport, TransportEvents } from './transport.js';

export interface TcpOptions {
  port: number;
  host?: string;
  /** Keep retrying refused connections for this long (default 10 s). */
  connectTimeoutMs?: number;
  retryIntervalMs?: number;
}

export class TcpTransport implements Transport {
  readonly description: string;
  private readonly events = new TransportEvents();
  private closing = false;

  constructor(private readonly socket: net.Socket) {
    this.description = `tcp ${socket.remoteAddress}:${socket.remotePort}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
    socket.on('error', (error) => this.events.emitClose(this.lost(error.message)));
    socket.on('close', () =>
      this.events.emitClose(this.closing ? undefined : this.lost('the peer closed the connection')),
    );
  }

  private lost(why: string): TransportError {
    return new TransportError(`${this.description}: ${why}`);
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.events.isClosed || this.socket.destroyed) {
      return Promise.reject(this.lost('write after the connection closed'));
    }
    return new Promise((resolve, reject) => {
      this.socket.write(bytes, (error) => (error ? reject(this.lost(error.message)) : resolve()));
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.socket.destroyed) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.destroy();
    await closed;
  }
}

/** One attempt, bounded by `timeoutMs` so a black-holed connect cannot outlive the deadline. */
function connectOnce(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => socket.destroy(new Error('connect timed out')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}

export async function connectTcp(options: TcpOptions): Promise<TcpTransport> {
  const { port, host = '127.0.0.1', connectTimeoutMs = 10_000, retryIntervalMs = 100 } = options;
  const deadline = Date.now() + connectTimeoutMs;
  let lastError = 'no attempt';
  for (;;) {
    const left = deadline - Date.now();
    try {
      return new TcpTransport(await connectOnce(host, port, Math.max(left, 1)));
    } catch (error) {
      lastError = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
    if (Date.now() + retryIntervalMs > deadline) break;
    await sleep(retryIntervalMs);
  }
  throw new TransportError(
    `could not connect to ${host}:${port} within ${connectTimeoutMs} ms (${lastError})`,
    'is the emulator or device server running and listening on that port?',
  );
}
