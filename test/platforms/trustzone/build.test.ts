/** Partition checks and the split report, without a toolchain. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/errors.js';
import { parseSizeOutput } from '../../../src/platforms/common/size-report.js';
import { createProject } from '../../../src/platforms/project.js';
import { imageBoard, trustZoneBoard } from '../../../src/platforms/trustzone/boards.js';
import {
  checkPartitionsFit,
  partitionOverflow,
  partitionUsage,
} from '../../../src/platforms/trustzone/build.js';
import { trustZoneLayout } from '../../../src/platforms/trustzone/layout.js';
import { HAVE_SHARED, MODELS_DIR } from '../../support/shared.js';

const layout = trustZoneLayout(trustZoneBoard('mps2-an521'), {
  secureFlash: 64,
  secureRam: 16,
  nsFlash: 32,
  nsRam: 8,
});

describe('partitionOverflow', () => {
  it('turns ld overflowing the secure flash into the KiB to ask for', () => {
    const e = partitionOverflow(
      layout,
      "ld: firmware.elf section `.text' will not fit in region `S_FLASH'\nld: region `S_FLASH' overflowed by 213504 bytes\n",
    );
    expect(e).toBeInstanceOf(PlanError);
    expect(e!.message).toBe(
      'the secure flash partition is too small: the secure image needs 279,040 bytes, the partition has 65,536 (secure-flash-kb=64)',
    );
    expect(e!.hint).toBe('give it at least 273 KiB: -o secure-flash-kb=273 (create-project or build)');
  });

  it('names the non-secure partitions by their own options', () => {
    expect(partitionOverflow(layout, "region `NS_RAM' overflowed by 100 bytes")!.hint).toContain(
      '-o ns-ram-kb=9',
    );
    expect(partitionOverflow(layout, "region `NS_CODE' overflowed by 1 bytes")!.hint).toContain(
      '-o ns-flash-kb=33',
    );
  });

  it('leaves other link failures alone', () => {
    expect(partitionOverflow(layout, 'undefined reference to `tf_tz_invoke')).toBeNull();
  });
});

describe('partitionUsage', () => {
  it('splits secure flash into weights, code and veneers', () => {
    const secureBoard = imageBoard(layout.board, { origin: 0x10000000, size: 64 * 1024 }, layout.secureRam);
    const secure = parseSizeOutput(
      [
        '.vectors 64 268435456',
        '.tf_weights 1000 268435520',
        '.text 3000 268436520',
        '.gnu.sgstubs 40 268499968',
        '.stack 4096 939524096',
        '.data 8 939528192',
        '.bss 500 939528200',
      ].join('\n'),
      secureBoard,
    );
    const ns = parseSizeOutput(
      ['.text 4000 2147483648', '.stack 2048 2147516416', '.bss 1500 2147518464'].join('\n'),
      imageBoard(layout.board, layout.nsFlash, layout.nsRam),
    );
    const [sFlash, sRam, nsFlash, nsRam] = partitionUsage(layout, secure, ns);
    expect(sFlash).toMatchObject({ name: 'secure flash', size: 65536, used: 64 + 1000 + 3000 + 40 + 8 });
    expect(sFlash!.detail).toBe('weights 1,000 + code and constants 3,072 + NSC veneers 40');
    expect(sRam).toMatchObject({ used: 4096 + 8 + 500, size: 16384 });
    expect(nsFlash).toMatchObject({ used: 4000, origin: 0x80000000 });
    expect(nsRam).toMatchObject({ used: 3548, origin: 0x80008000 });
  });
});

describe.skipIf(!HAVE_SHARED)('checkPartitionsFit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-tz-fit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses before compiling when the model and the stacks overflow a RAM partition', async () => {
    const project = await createProject({
      dir: join(dir, 'p'),
      source: join(MODELS_DIR, 'hello_world_int8.tflite'),
      platform: 'trustzone',
      force: true,
    });
    const settings = {
      layout,
      opt: 'O2' as const,
      stackSize: 16 * 1024,
      nsStackSize: 2048,
      profileOps: true,
    };
    expect(() => checkPartitionsFit(join(dir, 'p'), settings, project.model)).toThrow(
      /the secure RAM partition is too small: the model \(arena, inputs, outputs\) and the secure stack needs 16,4\d\d bytes, the partition has 16,384 \(secure-ram-kb=16\)/,
    );
    const nsSmall = { ...settings, stackSize: 4096, nsStackSize: 6 * 1024 };
    expect(() => checkPartitionsFit(join(dir, 'p'), nsSmall, project.model)).toThrow(
      /non-secure RAM partition/,
    );
    expect(() =>
      checkPartitionsFit(join(dir, 'p'), { ...nsSmall, nsStackSize: 2048 }, project.model),
    ).not.toThrow();
  });
});
