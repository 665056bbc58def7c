/** Starting a flashed project's firmware under QEMU and connecting to its protocol server. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { runQemu } from '../../qemu/run-qemu.js';
import type { Board } from '../common/boards.js';
import { int, str } from '../options.js';
import type { DeviceConnection, OptionValues } from '../types.js';
import { QemuTransport } from './qemu-transport.js';
import { waitForReady } from './ready.js';

const READY_TIMEOUT_MS = 10_000;

/** The image `flash` staged in the project, or a UsageError that says how to make it. */
export function stagedImage(dir: string, staged: string): string {
  const elf = join(dir, staged);
  if (!existsSync(elf)) {
    throw new UsageError(
      `${dir} has no flashed firmware (${staged})`,
      `run: tinyforge build ${dir} && tinyforge flash ${dir}`,
    );
  }
  return elf;
}

/** Boots `elf` on `board` (options: counter, timeout) and waits for the firmware's ready byte. */
export async function connectQemu(board: Board, elf: string, o: OptionValues): Promise<DeviceConnection> {
  const counter = str(o, 'counter');
  const qemu = await runQemu({
    board,
    elf,
    timeoutMs: int(o, 'timeout') * 1000,
    icount: counter !== 'none',
    plugin: counter === 'exact',
  });
  const transport = new QemuTransport(qemu);
  try {
    await waitForReady(transport, READY_TIMEOUT_MS);
  } catch (e) {
    await transport.close();
    await qemu.kill();
    throw e;
  }
  return {
    transport,
    counts: counter === 'none' ? null : { unit: 'instructions', perTick: 1e9 / board.systickHz },
    nextInvokeCount: counter === 'exact' ? () => qemu.nextInsnCount() : undefined,
    close: async () => {
      await transport.close();
      await qemu.kill();
    },
  };
}
