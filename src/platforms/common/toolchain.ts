/**
 * The Arm cross toolchain: where it is and the flags a board needs.
 *
 * C library: picolibc, and only its string.h functions (memcpy, memset, ...): startup, I/O and
 * exit are tinyforge's own (runtime/platform/cortex_m), so no crt0, stdio or syscalls are
 * linked. picolibc over newlib-nano because Debian builds it for size: memcpy + memset cost
 * 44 bytes of flash against newlib-nano's 470, and flash is what the firmware competes on.
 * The price is byte-at-a-time copies (4 instructions per byte, ~7x newlib's word copies), so
 * hot paths should not lean on memcpy.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ToolNotFoundError } from '../../errors.js';
import type { Board } from './boards.js';
import { runTool } from './exec.js';

export interface ArmToolchain {
  gcc: string;
  ar: string;
  size: string;
}

export const ARM_TOOLCHAIN_HINT =
  'install it: sudo apt-get install --no-install-recommends gcc-arm-none-eabi picolibc-arm-none-eabi ' +
  '(or set TINYFORGE_ARM_GCC to the arm-none-eabi-gcc to use)';

/** The first executable called `name` on PATH. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

let cached: Promise<ArmToolchain> | undefined;

/** Finds arm-none-eabi-gcc (TINYFORGE_ARM_GCC overrides PATH) and checks picolibc is there. */
export function findArmToolchain(): Promise<ArmToolchain> {
  cached ??= locate();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

async function locate(): Promise<ArmToolchain> {
  const gcc = process.env.TINYFORGE_ARM_GCC ?? findOnPath('arm-none-eabi-gcc');
  if (!gcc) throw new ToolNotFoundError('arm-none-eabi-gcc', ARM_TOOLCHAIN_HINT);
  const { stdout } = await runTool(gcc, ['-print-file-name=picolibc.specs'], 'look up picolibc', {
    installHint: ARM_TOOLCHAIN_HINT,
  });
  if (!stdout.trim().startsWith('/'))
    throw new ToolNotFoundError('picolibc (picolibc.specs)', ARM_TOOLCHAIN_HINT);
  const prefix = gcc.endsWith('gcc') ? gcc.slice(0, -'gcc'.length) : join(dirname(gcc), 'arm-none-eabi-');
  return { gcc, ar: `${prefix}ar`, size: `${prefix}size` };
}

/** -mthumb -mcpu [-mfpu] -mfloat-abi: selects the instruction set and the multilib. */
export function cpuFlags(board: Board): string[] {
  const flags = ['-mthumb', `-mcpu=${board.gcc.mcpu}`];
  if (board.gcc.mfpu) flags.push(`-mfpu=${board.gcc.mfpu}`);
  flags.push(`-mfloat-abi=${board.gcc.mfloatAbi}`);
  return flags;
}

/** The board facts the C runtime needs, as -D flags (see tf_platform.h). */
export function boardDefines(board: Board): string[] {
  return [
    `-DTF_UART_BASE=0x${board.uartBase.toString(16)}u`,
    `-DTF_SYSTICK_HZ=${board.systickHz}u`,
    `-DTF_BOARD_NAME="${board.name}"`,
  ];
}

export type OptLevel = 'Os' | 'O2' | 'O3';

/** Selects picolibc's headers and libraries; needed when compiling and when linking. */
export const LIBC_FLAGS: readonly string[] = ['--specs=picolibc.specs'];

/** Everything to compile C99 for the board, warnings as errors. */
export function compileFlags(board: Board, opt: OptLevel = 'Os'): string[] {
  return [
    ...cpuFlags(board),
    '-std=c99',
    '-Wall',
    '-Wextra',
    '-Werror',
    `-${opt}`,
    '-g',
    '-ffunction-sections',
    '-fdata-sections',
    ...LIBC_FLAGS,
    ...boardDefines(board),
  ];
}

/**
 * Link with the generated script, no crt0, and drop every unreferenced function. A separate
 * link step also needs cpuFlags(board) and LIBC_FLAGS (compileFlags has both).
 */
export function linkFlags(linkerScript: string, mapFile: string): string[] {
  return ['-nostartfiles', '-T', linkerScript, '-Wl,--gc-sections', `-Wl,-Map=${mapFile}`];
}
