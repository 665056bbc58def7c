/**
 * JSON-RPC 2.0 over a child's stdin/stdout, one JSON object per line: how tinyforge talks to a
 * custom platform's server (docs/platforms.md). The server's stderr is passed on as tool output.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { ConfigError, TransportError } from '../../errors.js';

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** The server answered with a JSON-RPC error. */
export class RpcCallError extends ConfigError {
  readonly rpcCode: number;
  constructor(method: string, error: RpcErrorObject) {
    super(
      `${method}: ${error.message}`,
      typeof error.data === 'string' ? error.data : "see the platform server's output with --verbose",
    );
    this.rpcCode = error.code;
  }
}

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const STDERR_TAIL = 4096;

export class RpcClient {
  onStderr: ((text: string) => void) | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stderr = '';
  private ended: Error | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly description: string,
  ) {
    createInterface({ input: child.stdout! }).on('line', (line) => this.onLine(line));
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_TAIL);
      this.onStderr?.(text);
    });
    child.stdin!.on('error', () => undefined);
    child.once('close', (code, signal) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = this.stderr.trim() ? `\n${this.stderr.trim().split('\n').slice(-10).join('\n')}` : '';
      this.fail(
        new TransportError(`${this.description} ${how}${tail}`, 'the custom platform server stopped'),
      );
    });
  }

  static async start(executable: string, cwd: string): Promise<RpcClient> {
    const child = spawn(executable, [], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      await once(child, 'spawn');
    } catch (e) {
      throw new ConfigError(
        `cannot start ${executable}: ${(e as Error).message}`,
        'it must be executable (chmod +x) with a #! line',
      );
    }
    return new RpcClient(child, `platform server ${executable}`);
  }

  /**
   * Sends a request at once; a server reads its requests in order and answers each before
   * the next, so a request sent while another is in progress simply waits in the pipe — and a
   * server that watches its stdin can cut a waiting read_transport short.
   */
  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
      this.child.stdin!.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    });
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let message: { id?: number; result?: unknown; error?: RpcErrorObject };
    try {
      message = JSON.parse(line);
    } catch {
      this.onStderr?.(`${line}\n`);
      return;
    }
    const call = message.id === undefined ? undefined : this.pending.get(message.id);
    if (!call) return;
    this.pending.delete(message.id!);
    if (message.error) call.reject(new RpcCallError(call.method, message.error));
    else call.resolve(message.result ?? null);
  }

  private fail(error: Error): void {
    this.ended ??= error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }

  /** Closes the server's stdin (it should exit), then kills it after a grace period. */
  async close(graceMs = 2000): Promise<void> {
    this.fail(new TransportError(`${this.description} was closed`));
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'close');
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}
