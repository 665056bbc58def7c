import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { qemuBoard } from '../../src/platforms/common/boards.js';
import { buildInsnCountPlugin } from '../../src/qemu/plugin.js';
import { runQemu } from '../../src/qemu/run-qemu.js';
import {
  buildFixture,
  HAVE_FIRMWARE_TOOLS,
  SKIP_REASON,
  tempDir,
  UartReader,
} from '../platforms/fixtures/firmware.js';

const out = tempDir('plugin');
afterAll(() => out.remove());

const TIMEOUT_MS = 10_000;
/** The fixture's marked loops run N = 1000, 100000, 200000 iterations of 2 instructions. */
const EXPECTED_COUNTS = [2000, 200_000, 400_000];

async function counts(board: string, elf: string, icount = false): Promise<number[]> {
  await using qemu = await runQemu({ board, elf, timeoutMs: TIMEOUT_MS, plugin: true, icount });
  const uart = new UartReader(qemu.socket);
  const taken = [await qemu.nextInsnCount(), await qemu.nextInsnCount(), await qemu.nextInsnCount()];
  await uart.rest();
  expect((await qemu.exit).code).toBe(0);
  expect(qemu.insnCounts).toEqual(taken);
  return taken;
}

describe.skipIf(!HAVE_FIRMWARE_TOOLS)(`instruction-count plugin${SKIP_REASON}`, () => {
  it('builds once into the cache and is reused', async () => {
    const path = await buildInsnCountPlugin();
    expect(existsSync(path)).toBe(true);
    expect(await buildInsnCountPlugin()).toBe(path);
  });

  describe.each(['mps2-an386', 'mps3-an547'])('on %s', (name) => {
    const built = HAVE_FIRMWARE_TOOLS ? buildFixture(qemuBoard(name), 'counter', out.path) : undefined;

    it('counts exactly the instructions between the markers, the same every run', async () => {
      const { elf } = await built!;
      expect(await counts(name, elf)).toEqual(EXPECTED_COUNTS);
      expect(await counts(name, elf)).toEqual(EXPECTED_COUNTS);
    });

    it('stays exact under -icount (QEMU then splits blocks at I/O)', async () => {
      const { elf } = await built!;
      expect(await counts(name, elf, true)).toEqual(EXPECTED_COUNTS);
    });

    it('rejects nextInsnCount once QEMU has exited without another count', async () => {
      const { elf } = await built!;
      await using qemu = await runQemu({ board: name, elf, timeoutMs: TIMEOUT_MS, plugin: true });
      await new UartReader(qemu.socket).rest();
      await qemu.exit;
      expect(qemu.insnCounts).toHaveLength(3);
      for (let i = 0; i < 3; i++) await qemu.nextInsnCount();
      await expect(qemu.nextInsnCount()).rejects.toMatchObject({ code: 'TRANSPORT' });
    });
  });
});
