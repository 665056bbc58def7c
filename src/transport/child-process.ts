/**
 * Child-process transport: the device is a program whose stdin/stdout carry the protocol
 * (the host-compiled C server in tests, native runs). stderr is kept for error messages.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { TransportError } from '../errors.js';
import { type Transport, TransportEvents } from './transport.js';

export interface ChildProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How long close() waits for the child to exit after closing its stdin before SIGKILL. */
  closeGraceMs?: number;
}

const STDERR_TAIL_BYTES = 4096;

export class ChildProcessTransport implements Transport {
  readonly description: string;
  private readonly events = new TransportEvents();
  private stderr = '';
  private closing = false;
  private readonly exited: Promise<void>;

  constructor(
    readonly child: ChildProcess,
    command: string,
    private readonly closeGraceMs = 500,
  ) {
    this.description = `child ${command}`;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stdout!.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    // EPIPE once the child is gone: the exit handler reports the reason.
    child.stdin!.on('error', () => undefined);
    child.on('error', (error) =>
      this.events.emitClose(new TransportError(`${this.description}: ${error.message}`)),
    );
    // 'close', not 'exit': only then has all of stderr been read for the message.
    child.on('close', (code, signal) => {
      this.events.emitClose(this.closing ? undefined : this.lost(code, signal));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last few KB the child wrote to stderr. */
  get stderrTail(): string {
    return this.stderr;
  }

  private lost(code: number | null, signal: NodeJS.Signals | null): TransportError {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const tail = this.stderr.trim() ? `\n${this.stderr.trim().split('\n').slice(-10).join('\n')}` : '';
    return new TransportError(`${this.description} ${how}${tail}`);
  }

  write(bytes: Uint8Array): Promise<void> {
    const stdin = this.child.stdin!;
    if (this.events.isClosed || stdin.destroyed || !stdin.writable) {
      return Promise.reject(new TransportError(`${this.description}: write after the process ended`));
    }
    return new Promise((resolve, reject) => {
      stdin.write(bytes, (error) =>
        error ? reject(new TransportError(`${this.description}: ${error.message}`)) : resolve(),
      );
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  /** Closes stdin (a well-behaved device exits on EOF), then kills what is still running. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), this.closeGraceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Starts `command args` and resolves once it runs; a missing program is a TransportError. */
export async function spawnTransport(
  command: string,
  args: string[] = [],
  options: ChildProcessOptions = {},
): Promise<ChildProcessTransport> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
  try {
    await once(child, 'spawn');
  } catch (error) {
    throw new TransportError(
      `could not start ${command}: ${(error as Error).message}`,
      'check that the program exists and is executable',
    );
  }
  return new ChildProcessTransport(child, command, options.closeGraceMs);
}
