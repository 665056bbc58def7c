/**
 * The trustzone platform: the model in the secure world of an Armv8-M (Cortex-M33) board, the
 * device-protocol server in the non-secure world, one project making both images (see
 * build.ts, template/CMakeLists.txt and docs/trustzone.md). Runs under QEMU (mps2-an521,
 * mps2-an505): "flashing" stages the combined image (and the isolation probe) in flash/, and
 * running starts QEMU on it with the UART on a local TCP port, as the qemu platform does.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { FIRMWARE_OPTIONS } from '../common/firmware-options.js';
import type { OptLevel } from '../common/toolchain.js';
import { readModelSummary } from '../model-source.js';
import { bool, int, str } from '../options.js';
import { connectQemu, stagedImage } from '../qemu/connect.js';
import type { DeviceConnection, OptionSpec, OptionValues, Platform } from '../types.js';
import { imageBoard, trustZoneBoard, trustZoneBoards } from './boards.js';
import { buildTrustZoneProject, FIRMWARE_ELF, PROBE_ELF } from './build.js';
import { type TrustZoneLayout, trustZoneLayout } from './layout.js';
import { nonSecureModelSizes, type TrustZoneSettings, writeTrustZoneProject } from './project-files.js';

export const STAGED_ELF = 'flash/firmware.elf';
export const STAGED_PROBE = 'flash/probe.elf';
export const DEFAULT_BOARD = 'mps2-an521';
/** Boot (secure set-up, then the non-secure application) to its ready byte. */
/** TF_SEC_MAX_BUFFERS of runtime/secure/tf_secure_core.h: buffers per direction of one secure call. */
const TF_SEC_MAX_BUFFERS = 16;

const partition = (name: string, fallback: number, what: string): OptionSpec => ({
  name,
  type: 'int',
  default: fallback,
  required: [],
  optional: ['create-project', 'build'],
  help: `KiB of ${what}`,
});

const OPTIONS: OptionSpec[] = [
  {
    name: 'board',
    type: 'choice',
    choices: [...trustZoneBoards().keys()],
    default: DEFAULT_BOARD,
    required: [],
    optional: ['create-project'],
    help: 'the emulated Armv8-M board (src/platforms/trustzone/boards.json)',
  },
  ...FIRMWARE_OPTIONS.map((o) =>
    o.name === 'stack-size'
      ? { ...o, help: 'bytes of secure stack, where the model runs (multiple of 8)' }
      : o,
  ),
  {
    name: 'ns-stack-size',
    type: 'int',
    default: 2048,
    required: [],
    optional: ['create-project', 'build'],
    help: 'bytes of non-secure stack (multiple of 8)',
  },
  partition('secure-flash-kb', 1024, 'secure flash: weights, runtime, NSC veneers (the last 1 KiB)'),
  partition('secure-ram-kb', 1024, 'secure RAM: the model arena, its buffers, the secure stack'),
  partition('ns-flash-kb', 256, 'non-secure flash: the protocol application'),
  partition('ns-ram-kb', 256, 'non-secure RAM: I/O buffers, protocol server, non-secure stack'),
  {
    name: 'counter',
    type: 'choice',
    choices: ['icount', 'exact', 'none'],
    default: 'icount',
    required: [],
    optional: ['create-project', 'run'],
    help: 'icount: secure SysTick under -icount as instructions; exact: plus the exact plugin count per invoke; none: fastest',
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

export function layoutOf(o: OptionValues): TrustZoneLayout {
  return trustZoneLayout(trustZoneBoard(str(o, 'board')), {
    secureFlash: int(o, 'secure-flash-kb'),
    secureRam: int(o, 'secure-ram-kb'),
    nsFlash: int(o, 'ns-flash-kb'),
    nsRam: int(o, 'ns-ram-kb'),
  });
}

function settings(o: OptionValues): TrustZoneSettings {
  return {
    layout: layoutOf(o),
    opt: str(o, 'opt') as OptLevel,
    stackSize: int(o, 'stack-size'),
    nsStackSize: int(o, 'ns-stack-size'),
    profileOps: bool(o, 'profile'),
  };
}

/** The QEMU view of the board (machine, UART, SysTick) for a staged image. */
export function qemuBoardOf(o: OptionValues) {
  const layout = layoutOf(o);
  return imageBoard(layout.board, layout.secureCode, layout.secureRam);
}

export { stagedImage };

async function openQemu(dir: string, o: OptionValues): Promise<DeviceConnection> {
  return connectQemu(qemuBoardOf(o), stagedImage(dir, STAGED_ELF), o);
}

export const trustZonePlatform: Platform = {
  name: 'trustzone',
  description:
    'Armv8-M TrustZone under QEMU (mps2-an521/an505): the model in the secure world, the protocol non-secure',
  options: OPTIONS,
  check(o) {
    layoutOf(o);
  },
  async generate(ctx) {
    const { inputs, outputs } = nonSecureModelSizes(ctx.dir, ctx.model);
    if (Math.max(inputs, outputs) > TF_SEC_MAX_BUFFERS) {
      throw new UsageError(
        `the model has ${inputs} inputs and ${outputs} outputs; a secure call carries at most ${TF_SEC_MAX_BUFFERS} of each`,
        'raise TF_SEC_MAX_BUFFERS in runtime/secure/tf_secure_core.h',
      );
    }
    writeTrustZoneProject(ctx.dir, settings(ctx.options), ctx.model);
  },
  build(dir, o, reporter) {
    return buildTrustZoneProject(dir, settings(o), readModelSummary(dir), reporter);
  },
  async flash(dir, o) {
    for (const built of [FIRMWARE_ELF, PROBE_ELF]) {
      if (!existsSync(join(dir, built)))
        throw new UsageError(`${dir} is not built yet (${built})`, `run: tinyforge build ${dir}`);
    }
    mkdirSync(join(dir, 'flash'), { recursive: true });
    copyFileSync(join(dir, FIRMWARE_ELF), join(dir, STAGED_ELF));
    copyFileSync(join(dir, PROBE_ELF), join(dir, STAGED_PROBE));
    return {
      summary: `staged ${FIRMWARE_ELF} as ${STAGED_ELF} (and the isolation probe as ${STAGED_PROBE}) for QEMU ${str(o, 'board')}`,
    };
  },
  openTransport: (dir, o) => openQemu(dir, o),
};
