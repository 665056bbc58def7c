/**
 * A serial port as a Transport without a native add-on: `stty` puts the TTY into raw mode at
 * the baud rate, then Node's own TTY handle reads it and plain writes send. Works for USB
 * serial adapters (/dev/ttyACM0, /dev/ttyUSB0) and ptys (QEMU's -serial pty). The `serialport`
 * package would add Windows; tinyforge keeps its dependencies few.
 */
import { closeSync, constants, existsSync, openSync, write } from 'node:fs';
import { ReadStream } from 'node:tty';
import { FileNotFoundError, TransportError } from '../../errors.js';
import { type Transport, TransportEvents } from '../../transport/transport.js';
import { runTool } from '../common/exec.js';

class SerialTransport implements Transport {
  readonly description: string;
  private readonly events = new TransportEvents();
  private readonly input: ReadStream;
  private closing = false;

  constructor(
    private readonly fd: number,
    path: string,
  ) {
    this.description = `serial ${path}`;
    this.input = new ReadStream(fd);
    this.input.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
    this.input.on('error', (e) =>
      this.events.emitClose(new TransportError(`${this.description}: ${e.message}`)),
    );
    this.input.on('close', () =>
      this.events.emitClose(
        this.closing ? undefined : new TransportError(`${this.description}: the port closed`),
      ),
    );
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.events.isClosed)
      return Promise.reject(new TransportError(`${this.description}: write after close`));
    return new Promise((resolve, reject) => {
      const rest = (from: Uint8Array): void => {
        write(this.fd, from, (error, n) => {
          if (error) reject(new TransportError(`${this.description}: ${error.message}`));
          else if (n < from.length) rest(from.subarray(n));
          else resolve();
        });
      };
      rest(bytes);
    });
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
    // The TTY handle owns the descriptor and closes it with the stream.
    await new Promise<void>((resolve) => {
      this.input.once('close', () => resolve());
      this.input.destroy();
    });
    this.events.emitClose();
  }
}

/** Opens `path` raw at `baud` (8N1, no flow control, no echo). */
export async function openSerialPort(path: string, baud: number): Promise<Transport> {
  if (!existsSync(path)) throw new FileNotFoundError(path, 'serial port');
  const flag = process.platform === 'darwin' ? '-f' : '-F';
  await runTool(
    'stty',
    [flag, path, String(baud), 'raw', '-echo', 'cs8', '-cstopb', '-parenb', '-crtscts', '-ixon', '-ixoff'],
    `configure ${path}`,
    {
      installHint: 'stty is part of coreutils',
    },
  );
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  } catch (e) {
    throw new TransportError(
      `cannot open ${path}: ${(e as Error).message}`,
      'check permissions (e.g. the dialout group)',
    );
  }
  try {
    return new SerialTransport(fd, path);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
