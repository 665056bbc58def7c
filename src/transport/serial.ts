/**
 * Serial-port transport (the `serialport` package): real boards over USB-UART, and QEMU's
 * `-serial pty`, which is the same path a board uses.
 */
import { SerialPort } from 'serialport';
import { TransportError } from '../errors.js';
import { type Transport, TransportEvents } from './transport.js';

export interface SerialOptions {
  path: string;
  baudRate?: number;
}

export const DEFAULT_BAUD = 115200;

export class SerialTransport implements Transport {
  readonly description: string;
  private readonly events = new TransportEvents();
  private closing = false;

  constructor(private readonly port: SerialPort) {
    this.description = `serial ${port.path} @${port.baudRate}`;
    port.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
    port.on('error', (error: Error) => this.events.emitClose(this.lost(error.message)));
    port.on('close', () => this.events.emitClose(this.closing ? undefined : this.lost('the port closed')));
  }

  private lost(why: string): TransportError {
    return new TransportError(
      `${this.description}: ${why}`,
      'check the cable and that no other program has the port open',
    );
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.events.isClosed || !this.port.isOpen)
      return Promise.reject(this.lost('write after the port closed'));
    return new Promise((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (error) => (error ? reject(this.lost(error.message)) : resolve()));
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
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}

/** Opens a serial port (or pty); a missing or busy port is a TransportError naming it. */
export async function openSerial(o: SerialOptions): Promise<SerialTransport> {
  const baudRate = o.baudRate ?? DEFAULT_BAUD;
  const port = new SerialPort({ path: o.path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) =>
      error
        ? reject(
            new TransportError(
              `cannot open serial port ${o.path}: ${error.message}`,
              'check the port name (ls /dev/tty*) and permissions (dialout group)',
            ),
          )
        : resolve(),
    );
  });
  return new SerialTransport(port);
}
