import { afterAll, describe, expect, it } from 'vitest';
import { qemuBoard } from '../../../src/platforms/common/boards.js';
import { runQemu } from '../../../src/qemu/run-qemu.js';
import { buildFixture, HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir, UartReader } from '../fixtures/firmware.js';

const out = tempDir('counter');
afterAll(() => out.remove());

const TIMEOUT_MS = 10_000;
/** A reload this small makes the counter wrap every 256 ticks: ~40 wraps per measurement. */
const TINY_RELOAD = '0xFFu';

interface CounterRun {
  ticks: Map<number, number>;
  backwards: number;
}

async function runCounter(board: string, elf: string): Promise<CounterRun> {
  await using qemu = await runQemu({ board, elf, timeoutMs: TIMEOUT_MS, icount: true });
  const text = await new UartReader(qemu.socket).rest();
  expect((await qemu.exit).code).toBe(0);
  const ticks = new Map<number, number>();
  for (const [, n, t] of text.matchAll(/^ticks (\d+) (\d+)$/gm)) ticks.set(Number(n), Number(t));
  return { ticks, backwards: Number(/^backwards (\d+)$/m.exec(text)![1]) };
}

describe.skipIf(!HAVE_FIRMWARE_TOOLS).each(['mps2-an386', 'mps3-an547'])(
  `SysTick counter under -icount on %s${SKIP_REASON}`,
  (name) => {
    const board = qemuBoard(name);
    const plain = HAVE_FIRMWARE_TOOLS ? buildFixture(board, 'counter', out.path) : undefined;
    const wrapping = HAVE_FIRMWARE_TOOLS
      ? buildFixture(board, 'counter', out.path, { TF_COUNTER_RELOAD: TINY_RELOAD }, `counter-wrap-${name}`)
      : undefined;

    it('is repeatable and linear in the instructions executed', async () => {
      const { elf } = await plain!;
      const first = await runCounter(name, elf);
      const second = await runCounter(name, elf);
      expect(second).toEqual(first);
      expect(first.backwards).toBe(0);
      // 100000 more iterations = 200000 more instructions = 200000 ns of virtual time.
      const expected = (200_000 * board.systickHz) / 1e9;
      const delta = first.ticks.get(200_000)! - first.ticks.get(100_000)!;
      expect(Math.abs(delta - expected)).toBeLessThanOrEqual(1);
    });

    it('counts across 24-bit-style wraps without stepping back', async () => {
      const [base, wrapped] = await Promise.all([plain!, wrapping!]);
      const reference = await runCounter(name, base.elf);
      const run = await runCounter(name, wrapped.elf);
      expect(run.backwards).toBe(0);
      const big = run.ticks.get(200_000)!;
      expect(big).toBeGreaterThan(20 * 256);
      // Only the wrap interrupts' own instructions may add to the count.
      const extra = big - reference.ticks.get(200_000)!;
      expect(extra).toBeGreaterThanOrEqual(0);
      expect(extra).toBeLessThan(big / 100);
    });
  },
);
