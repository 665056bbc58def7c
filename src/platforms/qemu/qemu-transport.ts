/**
 * The QEMU UART as a Transport, with a better last word: when QEMU ends mid-session the error
 * says how (the firmware's exit status, its FAULT line from the UART, QEMU's own complaint)
 * instead of only "the peer closed the connection".
 */
import { TransportError } from '../../errors.js';
import type { QemuHandle } from '../../qemu/run-qemu.js';
import { TcpTransport } from '../../transport/tcp.js';
import type { Transport } from '../../transport/transport.js';

const TAIL_BYTES = 512;
/** How long to wait for QEMU's exit status once its socket closed. */
const EXIT_WAIT_MS = 1000;

export class QemuTransport implements Transport {
  readonly description: string;
  private readonly inner: TcpTransport;
  private tail = '';

  constructor(private readonly qemu: QemuHandle) {
    this.inner = new TcpTransport(qemu.socket);
    this.description = `QEMU UART (${this.inner.description})`;
    // Not a data listener of the protocol: keeps the text a fault leaves on the UART.
    qemu.socket.on('data', (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString('latin1')).slice(-TAIL_BYTES);
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.inner.write(bytes);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.inner.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.inner.onClose((error) => {
      if (!error) listener();
      else void this.explain(error).then(listener);
    });
  }

  private async explain(error: Error): Promise<Error> {
    const exit = await Promise.race([
      this.qemu.exit.catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), EXIT_WAIT_MS).unref()),
    ]);
    if (!exit) return error;
    const fault = /FAULT [^\n]*/.exec(this.tail)?.[0];
    const how = fault ?? `the firmware exited with status ${exit.code}`;
    const qemuSays = exit.stderr
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('tf-insn-count'))
      .slice(-3)
      .join('\n');
    return new TransportError(
      `QEMU stopped during the session: ${how}${qemuSays ? `\n${qemuSays}` : ''}`,
      'a FAULT line names the exception and PC: look it up in build/firmware.map',
    );
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
