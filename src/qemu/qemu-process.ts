/** One qemu-system-arm child: its output, its exit, its timeout and the plugin's counts. */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { ConfigError, DeviceTimeoutError, ToolNotFoundError, TransportError } from '../errors.js';
import { stderrTail } from '../platforms/common/exec.js';
import { guardChild } from './process-guard.js';
import { QEMU_HINT } from './qemu-command.js';

export interface QemuExit {
  /** QEMU's exit status: the firmware's semihosting exit code; null when killed. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Semihosting console output (SYS_WRITE0 and friends). */
  stdout: string;
  /** QEMU's diagnostics and log, including the plugin's lines. */
  stderr: string;
}

const COUNT_LINE = /^tf-insn-count (\d+)$/;
/** Keeps a runaway firmware's console from growing without bound. */
const MAX_OUTPUT = 1 << 20;

interface Waiter {
  resolve: (count: number) => void;
  reject: (error: Error) => void;
}

export class QemuProcess {
  readonly exit: Promise<QemuExit>;
  readonly pid: number;
  closed = false;
  timedOut = false;
  private readonly child: ChildProcess;
  private readonly timer: NodeJS.Timeout;
  private stdout = '';
  private stderr = '';
  private partialLine = '';
  private readonly counts: number[] = [];
  private consumed = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    command: string,
    args: string[],
    private readonly description: string,
    private readonly timeoutMs: number,
    private readonly pluginOn: boolean,
    cwd?: string,
  ) {
    this.child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.pid = this.child.pid ?? -1;
    guardChild(this.child);
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      this.stdout = (this.stdout + s).slice(-MAX_OUTPUT);
    });
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => this.onStderr(s));
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.child.kill('SIGKILL');
    }, timeoutMs);
    this.exit = new Promise<QemuExit>((resolve, reject) => {
      this.child.once('error', (error: NodeJS.ErrnoException) => {
        this.finish();
        reject(error.code === 'ENOENT' ? new ToolNotFoundError(command, QEMU_HINT) : error);
      });
      this.child.once('close', (code, signal) => {
        this.finish();
        if (this.timedOut) reject(this.timeoutError());
        else resolve({ code, signal, stdout: this.stdout, stderr: this.stderr });
      });
    });
    // Callers may never look at `exit` (e.g. after kill()); its rejection is not a crash.
    this.exit.catch(() => undefined);
  }

  get stderrText(): string {
    return this.stderr;
  }

  get insnCounts(): readonly number[] {
    return this.counts;
  }

  kill(): void {
    if (!this.closed) this.child.kill('SIGKILL');
  }

  nextInsnCount(): Promise<number> {
    if (!this.pluginOn) {
      return Promise.reject(new ConfigError('the instruction-count plugin is off', 'run with plugin: true'));
    }
    if (this.consumed < this.counts.length) return Promise.resolve(this.counts[this.consumed++]!);
    if (this.closed) return Promise.reject(this.noMoreCounts());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private onStderr(chunk: string): void {
    this.stderr = (this.stderr + chunk).slice(-MAX_OUTPUT);
    const lines = (this.partialLine + chunk).split('\n');
    this.partialLine = lines.pop()!;
    for (const line of lines) {
      const match = COUNT_LINE.exec(line.trim());
      if (!match) continue;
      this.counts.push(Number(match[1]));
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(this.counts[this.consumed++]!);
    }
  }

  private finish(): void {
    this.closed = true;
    clearTimeout(this.timer);
    const error = this.timedOut ? this.timeoutError() : this.noMoreCounts();
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  private timeoutError(): DeviceTimeoutError {
    return new DeviceTimeoutError(
      `${this.description} did not finish within ${this.timeoutMs} ms; QEMU was killed`,
      'the firmware hangs or waits for input; raise timeoutMs for long runs',
    );
  }

  private noMoreCounts(): TransportError {
    return new TransportError(
      `${this.description} exited without reporting another instruction count`,
      'the firmware must execute TF_INSN_REGION_BEGIN() then TF_INSN_REGION_END()',
    );
  }

  /** Why QEMU stopped before the host could connect, for the error message. */
  startFailure(): string {
    return stderrTail(this.stderr) || '(no output)';
  }

  attach(socket: Socket): void {
    // The exit promise is the authority on how QEMU ended; a reset socket adds nothing.
    socket.on('error', () => undefined);
  }
}
