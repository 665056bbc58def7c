/**
 * The qemu platform: the MPS2/MPS3 boards qemu-system-arm emulates (boards.json). "Flashing"
 * stages the built image as flash/firmware.elf; running starts QEMU on it with the UART on a
 * local TCP port, and QEMU is always stopped by tinyforge (also on Ctrl-C: src/qemu/).
 *
 * Counting (option counter): `icount` runs QEMU with -icount shift=0, where each instruction
 * is 1 ns of virtual time, so the firmware's SysTick ticks become instructions as
 * ticks × 1e9 / systickHz (×40 at 25 MHz); `exact` adds the instruction-count plugin, whose
 * exact count of each invoke replaces the total; `none` runs fastest and reports no counts.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { qemuBoard, qemuBoards } from '../common/boards.js';
import { buildFirmwareProject } from '../common/firmware-cmake-build.js';
import { FIRMWARE_OPTIONS, firmwareSettings } from '../common/firmware-options.js';
import { FIRMWARE_ELF, type FirmwareSettings, writeFirmwareProject } from '../common/firmware-project.js';
import { readModelSummary } from '../model-source.js';
import { str } from '../options.js';
import type { DeviceConnection, OptionSpec, OptionValues, Platform } from '../types.js';
import { connectQemu, stagedImage } from './connect.js';

/** Shared with the platforms that build on this one (src/platforms/common/firmware-options.ts). */
export { FIRMWARE_OPTIONS } from '../common/firmware-options.js';

export const STAGED_ELF = 'flash/firmware.elf';
/** Boot to main takes milliseconds, more on a loaded machine. */

const QEMU_OPTIONS: OptionSpec[] = [
  {
    name: 'board',
    type: 'choice',
    choices: [...qemuBoards().keys()],
    required: ['create-project'],
    optional: [],
    help: 'the emulated board (src/platforms/qemu/boards.json)',
  },
  ...FIRMWARE_OPTIONS,
  {
    name: 'counter',
    type: 'choice',
    choices: ['icount', 'exact', 'none'],
    default: 'icount',
    required: [],
    optional: ['create-project', 'run'],
    help: 'icount: SysTick under -icount as instructions; exact: plus the exact plugin count per invoke; none: fastest, no counts',
  },
  {
    name: 'timeout',
    type: 'int',
    default: 600,
    required: [],
    optional: ['create-project', 'run'],
    help: 'seconds QEMU may run before tinyforge stops it',
  },
];

const settings = (o: OptionValues): FirmwareSettings => firmwareSettings(qemuBoard(str(o, 'board')), o, true);

async function openQemu(dir: string, o: OptionValues): Promise<DeviceConnection> {
  return connectQemu(qemuBoard(str(o, 'board')), stagedImage(dir, STAGED_ELF), o);
}

export const qemuPlatform: Platform = {
  name: 'qemu',
  description: 'Arm MPS2/MPS3 boards emulated by qemu-system-arm (Cortex-M3, M4, M7, M33, M55)',
  options: QEMU_OPTIONS,
  async generate(ctx) {
    writeFirmwareProject(ctx.dir, settings(ctx.options), ctx.model);
  },
  build(dir, o, reporter) {
    return buildFirmwareProject(dir, settings(o), readModelSummary(dir), reporter);
  },
  async flash(dir, o) {
    const elf = join(dir, FIRMWARE_ELF);
    if (!existsSync(elf))
      throw new UsageError(`${dir} is not built yet (${FIRMWARE_ELF})`, `run: tinyforge build ${dir}`);
    mkdirSync(join(dir, 'flash'), { recursive: true });
    copyFileSync(elf, join(dir, STAGED_ELF));
    return { summary: `staged ${FIRMWARE_ELF} as ${STAGED_ELF} for QEMU ${str(o, 'board')}` };
  },
  openTransport: (dir, o) => openQemu(dir, o),
};
