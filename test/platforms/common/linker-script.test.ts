import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { qemuBoard } from '../../../src/platforms/common/boards.js';
import { buildFirmware } from '../../../src/platforms/common/firmware-build.js';
import { DEFAULT_STACK_SIZE, generateLinkerScript } from '../../../src/platforms/common/linker-script.js';
import { HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir } from '../fixtures/firmware.js';

describe('generateLinkerScript', () => {
  it('lays out the board memory map: code in flash, stack then .data/.bss in RAM', () => {
    const script = generateLinkerScript(qemuBoard('mps2-an505'), { stackSize: 4096 });
    expect(script).toContain('FLASH (rx) : ORIGIN = 0x10000000, LENGTH = 0x00400000');
    expect(script).toContain('RAM (rwx) : ORIGIN = 0x38000000, LENGTH = 0x00400000');
    expect(script).toContain('. += 4096;');
    expect(script).toMatch(/\.data :[^}]*}\s*> RAM AT > FLASH/);
    const order = ['KEEP(*(.vectors))', '.stack (NOLOAD)', '.data :', '.bss (NOLOAD)'].map((s) =>
      script.indexOf(s),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const symbol of [
      '__data_load',
      '__data_start',
      '__data_end',
      '__bss_start',
      '__bss_end',
      '__stack_limit',
      '__stack_top',
    ]) {
      expect(script).toContain(symbol);
    }
  });

  it('defaults the stack and refuses sizes that cannot work', () => {
    const board = qemuBoard('mps2-an386');
    expect(generateLinkerScript(board)).toContain(`. += ${DEFAULT_STACK_SIZE};`);
    expect(() => generateLinkerScript(board, { stackSize: 1001 })).toThrow(ConfigError);
    expect(() => generateLinkerScript(board, { stackSize: 0 })).toThrow(ConfigError);
    expect(() => generateLinkerScript(board, { stackSize: board.ram.size })).toThrow(/does not fit/);
  });
});

describe.skipIf(!HAVE_FIRMWARE_TOOLS)(`linking against the generated script${SKIP_REASON}`, () => {
  it('fails the build with the linker message when RAM overflows', async () => {
    const dir = tempDir('overflow');
    try {
      const board = qemuBoard('mps3-an547');
      const source = join(dir.path, 'big.c');
      writeFileSync(
        source,
        'static volatile unsigned char arena[65536];\nint main(void) { return arena[7]; }\n',
      );
      const build = buildFirmware({
        board,
        sources: [source],
        outDir: dir.path,
        stackSize: board.ram.size - 32 * 1024,
      });
      await expect(build).rejects.toMatchObject({
        code: 'BUILD',
        message: expect.stringMatching(/region `RAM' overflowed/),
      });
      const fits = await buildFirmware({ board, sources: [source], outDir: dir.path, stackSize: 8192 });
      expect(fits.size.bss).toBe(65536);
      expect(fits.size.ramBytes).toBe(8192 + 65536 + fits.size.data);
    } finally {
      dir.remove();
    }
  });
});
