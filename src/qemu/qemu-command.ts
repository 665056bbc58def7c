/** Finding qemu-system-arm and the command line for one firmware run. */
import { ConfigError, ToolNotFoundError } from '../errors.js';
import type { Board } from '../platforms/common/boards.js';
import { findOnPath } from '../platforms/common/toolchain.js';

export const QEMU_HINT =
  'install it: sudo apt-get install --no-install-recommends qemu-system-arm ' +
  '(or set TINYFORGE_QEMU to the qemu-system-arm to use)';

export function findQemu(): string {
  const qemu = process.env.TINYFORGE_QEMU ?? findOnPath('qemu-system-arm');
  if (!qemu) throw new ToolNotFoundError('qemu-system-arm', QEMU_HINT);
  return qemu;
}

export interface QemuCommandOptions {
  board: Board;
  elf: string;
  port: number;
  icount: boolean;
  pluginPath?: string;
}

/**
 * The serial port is a TCP server that holds the machine until the host connects
 * (wait=on), so no early output is lost and bytes are never dropped; nodelay=on, or Nagle on
 * QEMU's side holds each reply's tail until the host's delayed ACK (~40 ms per request).
 * Semihosting lets the firmware set QEMU's exit status. -icount makes virtual time follow instructions (1 ns
 * each at shift=0) so SysTick counts are repeatable.
 */
export function qemuArgs(options: QemuCommandOptions): string[] {
  const { board } = options;
  if (!board.qemuMachine) {
    throw new ConfigError(`QEMU does not emulate ${board.name}`, 'pick a board of the qemu platform');
  }
  const args = [
    '-M',
    board.qemuMachine,
    '-nographic',
    '-monitor',
    'none',
    '-serial',
    `tcp:127.0.0.1:${options.port},server=on,wait=on,nodelay=on`,
    '-semihosting-config',
    'enable=on,target=native',
    '-kernel',
    options.elf,
  ];
  if (options.icount) args.push('-icount', 'shift=0,align=off,sleep=off');
  if (options.pluginPath) args.push('-plugin', options.pluginPath, '-d', 'plugin');
  return args;
}
