/**
 * Every C kernel of the runtime compiles warning-free as C99 on the host compilers and for a
 * Cortex-M4 with the cross compiler (each toolchain is skipped when this machine lacks it).
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeDir } from '../../src/codegen/compile.js';
import { compileHostC } from '../support/c-build.js';
import { armGccAvailable, clangAvailable, hostCcAvailable } from '../support/toolchains.js';

const KERNELS = join(runtimeDir(), 'kernels');
const SOURCES = readdirSync(KERNELS)
  .filter((f) => f.endsWith('.c'))
  .sort();
const STRICT = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2'];
const CORTEX_M4 = ['-mcpu=cortex-m4', '-mthumb', '-mfloat-abi=hard', '-mfpu=fpv4-sp-d16'];

const TOOLCHAINS = [
  { cc: 'gcc', available: hostCcAvailable, flags: STRICT },
  { cc: 'clang', available: clangAvailable, flags: STRICT },
  { cc: 'arm-none-eabi-gcc', available: armGccAvailable, flags: [...CORTEX_M4, ...STRICT] },
];

describe('runtime/kernels', () => {
  it('has C sources', () => {
    expect(SOURCES.length).toBeGreaterThan(0);
  });
});

for (const { cc, available, flags } of TOOLCHAINS) {
  describe.skipIf(!available)(`runtime/kernels/*.c with ${cc} ${flags.join(' ')}`, () => {
    it.each(SOURCES)('%s compiles', { timeout: 60_000 }, async (file) => {
      const object = await compileHostC({
        cc,
        flags,
        sources: [join(KERNELS, file)],
        includeDirs: [runtimeDir(), KERNELS],
        out: `${basename(file, '.c')}.${cc}.o`,
        compileOnly: true,
      });
      expect(object).toMatch(/\.o$/);
    });
  });
}
