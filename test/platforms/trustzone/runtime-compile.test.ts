/** runtime/platform/trustzone/*.c warning-free for both boards' flags, with gcc and clang. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trustZoneBoard } from '../../../src/platforms/trustzone/boards.js';
import { layoutHeader, trustZoneLayout } from '../../../src/platforms/trustzone/layout.js';
import { REPO_ROOT } from '../../support/shared.js';
import { armGccAvailable, clangAvailable } from '../../support/toolchains.js';

const RUNTIME = join(REPO_ROOT, 'runtime');
const TZ = join(RUNTIME, 'platform', 'trustzone');
const SOURCES = readdirSync(TZ).filter((f) => f.endsWith('.c'));
const PICOLIBC = '/usr/lib/picolibc/arm-none-eabi/include';

const config = mkdtempSync(join(tmpdir(), 'tf-tz-layout-'));
afterAll(() => rmSync(config, { recursive: true, force: true }));
const layout = trustZoneLayout(trustZoneBoard('mps2-an521'), {
  secureFlash: 256,
  secureRam: 256,
  nsFlash: 64,
  nsRam: 64,
});
writeFileSync(
  join(config, 'tf_tz_layout.h'),
  layoutHeader(layout, { inputs: 1, outputs: 1, tensors: 2, ioBytes: 32, ops: 3 }),
);

const COMMON = [
  '-mthumb',
  '-mcmse',
  '-std=c99',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-O2',
  '-fsyntax-only',
  '-DTF_UART_BASE=0x40200000u',
  '-DTF_TZ_NS_BLOB=nonsecure.bin',
  ...[
    config,
    TZ,
    join(RUNTIME, 'platform', 'cortex_m'),
    join(RUNTIME, 'secure'),
    join(RUNTIME, 'app'),
    join(RUNTIME, 'protocol'),
  ].map((d) => `-I${d}`),
];

const compilers: [string, boolean, string[]][] = [
  ['arm-none-eabi-gcc', armGccAvailable, ['--specs=picolibc.specs']],
  ['clang', clangAvailable && existsSync(PICOLIBC), ['--target=arm-none-eabi', `-isystem${PICOLIBC}`]],
];
const boards: [string, string[]][] = [
  ['mps2-an521', ['-mcpu=cortex-m33+nodsp', '-mfloat-abi=soft']],
  ['mps2-an505', ['-mcpu=cortex-m33', '-mfpu=fpv5-sp-d16', '-mfloat-abi=hard']],
];

describe.each(compilers)('runtime/platform/trustzone with %s', (cc, available, ccFlags) => {
  it.skipIf(!available).each(boards)('compiles cleanly for %s', (_board, cpu) => {
    for (const source of SOURCES) {
      const args = [...ccFlags, ...cpu, ...COMMON, join(TZ, source)];
      expect(() => execFileSync(cc, args, { stdio: 'pipe' }), source).not.toThrow();
    }
  });
});
