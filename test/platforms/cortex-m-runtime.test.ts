/**
 * The C of the platform base and of the QEMU plugin must stay warning-free with every
 * compiler the project uses, not only the one the firmware tests happen to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qemuBoards } from '../../src/platforms/common/boards.js';
import { cortexMRuntimeSources } from '../../src/platforms/common/firmware-build.js';
import { cortexMRuntimeDir } from '../../src/platforms/common/paths.js';
import { boardDefines, compileFlags, cpuFlags, findOnPath } from '../../src/platforms/common/toolchain.js';
import { insnCountPluginSource } from '../../src/qemu/plugin.js';

const STRICT = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-Wpedantic', '-fsyntax-only'];
const PICOLIBC_INCLUDE = '/usr/lib/picolibc/arm-none-eabi/include';
const HAVE_ARM_GCC = Boolean(findOnPath('arm-none-eabi-gcc'));
/** clang has no Arm C library of its own: it borrows picolibc's headers. */
const HAVE_CLANG_FOR_ARM = Boolean(findOnPath('clang')) && existsSync(PICOLIBC_INCLUDE);

function compile(cc: string, flags: string[], sources: string[]): string {
  return execFileSync(cc, [...flags, ...sources], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.each([...qemuBoards().values()])('platform base C for $name', (board) => {
  it.skipIf(!HAVE_ARM_GCC)('is -Wpedantic clean with arm-none-eabi-gcc at -Os and -O2', () => {
    for (const opt of ['Os', 'O2'] as const) {
      const flags = [...compileFlags(board, opt), '-Wpedantic', '-fsyntax-only', `-I${cortexMRuntimeDir()}`];
      expect(compile('arm-none-eabi-gcc', flags, cortexMRuntimeSources())).toBe('');
    }
  });

  it.skipIf(!HAVE_CLANG_FOR_ARM)('is clean with clang targeting the same core', () => {
    const flags = [
      '--target=arm-none-eabi',
      ...cpuFlags(board).filter((f) => f !== '-mfpu=auto'),
      ...STRICT,
      ...boardDefines(board),
      '-isystem',
      PICOLIBC_INCLUDE,
      `-I${cortexMRuntimeDir()}`,
    ];
    expect(compile('clang', flags, cortexMRuntimeSources())).toBe('');
  });
});

describe('QEMU plugin C', () => {
  it.each(['gcc', 'clang'].filter((cc) => findOnPath(cc)))('is clean with host %s', (cc) => {
    expect(compile(cc, [...STRICT, '-fPIC'], [insnCountPluginSource()])).toBe('');
  });
});
