/**
 * A Transport over a custom platform server's read_transport / write_transport methods, as in
 * microTVM's Project API. A pump keeps asking for bytes (each read waits up to READ_WAIT_S
 * for the first one); a write is sent at once and the server handles it after the read in
 * flight, so a server that ends a read early when another request arrives keeps latency low.
 */
import { TransportError } from '../../errors.js';
import { type Transport, TransportEvents } from '../../transport/transport.js';
import type { RpcClient } from './rpc-client.js';

const READ_CHUNK = 4096;
const READ_WAIT_S = 0.05;

export class RpcTransport implements Transport {
  readonly description: string;
  private readonly events = new TransportEvents();
  private closing = false;
  private readonly pump: Promise<void>;

  constructor(
    private readonly rpc: RpcClient,
    name: string,
  ) {
    this.description = `platform ${name} transport`;
    this.pump = this.readLoop();
  }

  private async readLoop(): Promise<void> {
    while (!this.closing) {
      try {
        const r = await this.rpc.call<{ data?: string }>('read_transport', {
          n: READ_CHUNK,
          timeout_sec: READ_WAIT_S,
        });
        const bytes = Buffer.from(r?.data ?? '', 'base64');
        if (bytes.length > 0 && !this.closing) this.events.emitData(new Uint8Array(bytes));
      } catch (e) {
        if (!this.closing)
          this.events.emitClose(new TransportError(`${this.description}: ${(e as Error).message}`));
        return;
      }
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.events.isClosed) throw new TransportError(`${this.description}: write after close`);
    try {
      await this.rpc.call('write_transport', { data: Buffer.from(bytes).toString('base64') });
    } catch (e) {
      throw new TransportError(`${this.description}: ${(e as Error).message}`);
    }
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.pump;
    await this.rpc.call('close_transport').catch(() => undefined);
    this.events.emitClose();
  }
}
