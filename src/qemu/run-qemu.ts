/**
 * Runs a firmware ELF under qemu-system-arm with its UART on a local TCP socket.
 *
 *   await using qemu = await runQemu({ board: 'mps2-an386', elf, timeoutMs: 5000 });
 *   qemu.socket.write(request);            // a net.Socket: the firmware's UART
 *   const { code } = await qemu.exit;      // the firmware's semihosting exit code
 *
 * QEMU is always killed: on timeout (exit rejects with DeviceTimeoutError), on kill() or
 * disposal, and when this process exits or gets SIGINT/SIGTERM/SIGHUP (process-guard.ts).
 */
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { DeviceTimeoutError, FileNotFoundError, ToolNotFoundError, TransportError } from '../errors.js';
import { type Board, qemuBoard } from '../platforms/common/boards.js';
import { buildInsnCountPlugin } from './plugin.js';
import { findQemu, qemuArgs } from './qemu-command.js';
import { type QemuExit, QemuProcess } from './qemu-process.js';
import { connectWhenListening, freePort } from './tcp.js';

export type { QemuExit } from './qemu-process.js';

export interface RunQemuOptions {
  /** A board of src/platforms/qemu/boards.json, by name or loaded. */
  board: Board | string;
  elf: string;
  /** Wall-clock limit for the whole run, start-up included. */
  timeoutMs: number;
  /** -icount shift=0: deterministic virtual time, so SysTick counts are repeatable (~4x slower). */
  icount?: boolean;
  /** Load the exact instruction-count plugin (tools/qemu-plugin), built on first use. */
  plugin?: boolean;
  /** The only wiring so far: QEMU serves the UART on 127.0.0.1:<free port>. */
  serial?: 'tcp';
  /** QEMU's working directory: where semihosting resolves relative paths. */
  cwd?: string;
}

export interface QemuHandle {
  readonly pid: number;
  readonly port: number;
  /** Connected to the firmware's UART (binary-safe, in both directions). */
  readonly socket: Socket;
  /** Resolves when QEMU ends; rejects with DeviceTimeoutError when it had to be killed. */
  readonly exit: Promise<QemuExit>;
  /** Every count the plugin reported so far, in order. */
  readonly insnCounts: readonly number[];
  /** The next count not yet taken by this method (waits for it). */
  nextInsnCount(): Promise<number>;
  /** Kills QEMU (if still running) and waits until it is gone. */
  kill(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Attempts when another process takes the free port before QEMU binds it. */
const MAX_START_ATTEMPTS = 5;

export async function runQemu(options: RunQemuOptions): Promise<QemuHandle> {
  const board = typeof options.board === 'string' ? qemuBoard(options.board) : options.board;
  if (!existsSync(options.elf)) throw new FileNotFoundError(options.elf, 'firmware ELF');
  const qemu = findQemu();
  const pluginPath = options.plugin ? await buildInsnCountPlugin() : undefined;
  const deadline = Date.now() + options.timeoutMs;
  const description = `QEMU ${board.name} running ${options.elf}`;
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = qemuArgs({ board, elf: options.elf, port, icount: options.icount ?? false, pluginPath });
    const remaining = Math.max(1, deadline - Date.now());
    const child = new QemuProcess(qemu, args, description, remaining, options.plugin ?? false, options.cwd);
    const socket = await connectWhenListening(port, () => child.closed);
    if (socket) return handle(child, port, socket);
    const failure = await child.exit.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (failure instanceof ToolNotFoundError) throw failure;
    if (child.timedOut) {
      throw new DeviceTimeoutError(
        `${description}: the serial port did not open within ${options.timeoutMs} ms`,
      );
    }
    const portTaken = /address already in use|failed to bind/i.test(child.stderrText);
    if (!portTaken || attempt === MAX_START_ATTEMPTS) {
      throw new TransportError(
        `${description}: QEMU exited before its serial port opened\n${child.startFailure()}`,
        'check the board and that the ELF was built for it',
      );
    }
  }
}

function handle(child: QemuProcess, port: number, socket: Socket): QemuHandle {
  child.attach(socket);
  const kill = async (): Promise<void> => {
    child.kill();
    socket.destroy();
    await child.exit.catch(() => undefined);
  };
  return {
    pid: child.pid,
    port,
    socket,
    exit: child.exit,
    get insnCounts() {
      return child.insnCounts;
    },
    nextInsnCount: () => child.nextInsnCount(),
    kill,
    [Symbol.asyncDispose]: kill,
  };
}
