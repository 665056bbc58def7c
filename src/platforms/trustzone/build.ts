/**
 * `tinyforge build` for a TrustZone project: check the model fits its partitions, rewrite the
 * option-dependent files, cmake (both images, the combined firmware and the probe), then report
 * the secure / non-secure split. A partition that is too small is refused with its numbers —
 * before compiling when the model's own buffers already overflow it, else from ld's
 * "region `X' overflowed by N bytes".
 */
import { join } from 'node:path';
import { BuildError, PlanError, TinyforgeError } from '../../errors.js';
import { runTool } from '../common/exec.js';
import { cmake, generatorArgs } from '../common/firmware-cmake-build.js';
import { modelRamBytes } from '../common/memory-fit.js';
import { parseSizeOutput, type SizeReport } from '../common/size-report.js';
import { ARM_TOOLCHAIN_HINT, findArmToolchain } from '../common/toolchain.js';
import type { BuildResult, ModelSummary, PartitionUsage, Reporter } from '../types.js';
import { imageBoard } from './boards.js';
import type { PartitionSizesKb, TrustZoneLayout } from './layout.js';
import { nonSecureModelSizes, type TrustZoneSettings, writeTrustZoneConfig } from './project-files.js';

export const FIRMWARE_ELF = 'build/firmware.elf';
export const PROBE_ELF = 'build/probe.elf';
const SECURE_ELF = 'build/secure.elf';
const NONSECURE_ELF = 'build/nonsecure.elf';

const KB = 1024;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** Room the non-secure application needs besides its I/O pool: protocol server, tables, stack. */
const NS_APP_RAM_BYTES = 4096;

interface Partition {
  name: string;
  option: string;
  key: keyof PartitionSizesKb;
}

/** The linker regions (linker-scripts.ts) and the partitions they belong to. */
const REGIONS: Record<string, Partition> = {
  S_FLASH: { name: 'secure flash', option: 'secure-flash-kb', key: 'secureFlash' },
  S_NSC: { name: 'secure flash (NSC veneers)', option: 'secure-flash-kb', key: 'secureFlash' },
  S_RAM: { name: 'secure RAM', option: 'secure-ram-kb', key: 'secureRam' },
  NS_CODE: { name: 'non-secure flash', option: 'ns-flash-kb', key: 'nsFlash' },
  NS_FLASH: { name: 'non-secure flash', option: 'ns-flash-kb', key: 'nsFlash' },
  NS_RAM: { name: 'non-secure RAM', option: 'ns-ram-kb', key: 'nsRam' },
};

function tooSmall(p: Partition, haveKb: number, needBytes: number, what: string): PlanError {
  const needKb = Math.ceil(needBytes / KB);
  return new PlanError(
    `the ${p.name} partition is too small: ${what} needs ${fmt(needBytes)} bytes, ` +
      `the partition has ${fmt(haveKb * KB)} (${p.option}=${haveKb})`,
    `give it at least ${fmt(needKb)} KiB: -o ${p.option}=${needKb} (create-project or build)`,
  );
}

/** Before compiling: the model's buffers and the stacks against the RAM partitions. */
export function checkPartitionsFit(dir: string, settings: TrustZoneSettings, model: ModelSummary): void {
  const { layout } = settings;
  const secureNeed = modelRamBytes(model.memory, settings.stackSize);
  if (secureNeed > layout.secureRam.size) {
    const p = REGIONS.S_RAM!;
    throw tooSmall(
      p,
      layout.sizesKb[p.key],
      secureNeed,
      'the model (arena, inputs, outputs) and the secure stack',
    );
  }
  const nsNeed = nonSecureModelSizes(dir, model).ioBytes + settings.nsStackSize + NS_APP_RAM_BYTES;
  if (nsNeed > layout.nsRam.size) {
    const p = REGIONS.NS_RAM!;
    throw tooSmall(p, layout.sizesKb[p.key], nsNeed, 'the I/O buffers, protocol server and non-secure stack');
  }
}

const OVERFLOW = /region `(\w+)' overflowed by (\d+) bytes/;

/** A PlanError for the first partition ld reported overflowing; null when the link failed otherwise. */
export function partitionOverflow(layout: TrustZoneLayout, output: string): PlanError | null {
  const match = OVERFLOW.exec(output);
  const p = match ? REGIONS[match[1]!] : undefined;
  if (!match || !p) return null;
  const haveKb = layout.sizesKb[p.key];
  // S_FLASH is the partition minus the NSC region, which the need includes again.
  const need = haveKb * KB + Number(match[2]);
  const what = p.option.startsWith('secure') ? 'the secure image' : 'the non-secure image';
  return tooSmall(p, haveKb, need, what);
}

async function sizes(elf: string, layout: TrustZoneLayout, secure: boolean): Promise<SizeReport> {
  const { size } = await findArmToolchain();
  const { stdout } = await runTool(size, ['-A', '-d', elf], `size report of ${elf}`);
  const board = secure
    ? imageBoard(
        layout.board,
        { origin: layout.secureCode.origin, size: layout.secureCode.size + layout.nsc.size },
        layout.secureRam,
      )
    : imageBoard(layout.board, layout.nsFlash, layout.nsRam);
  return parseSizeOutput(stdout, board);
}

const section = (r: SizeReport, name: string): number => r.sections.find((s) => s.name === name)?.size ?? 0;

/** The four partitions with what fills them. */
export function partitionUsage(
  layout: TrustZoneLayout,
  secure: SizeReport,
  ns: SizeReport,
): PartitionUsage[] {
  const weights = section(secure, '.tf_weights');
  const veneers = section(secure, '.gnu.sgstubs');
  const code = secure.flashBytes - weights - veneers;
  return [
    {
      name: 'secure flash',
      origin: layout.secureCode.origin,
      size: layout.secureCode.size + layout.nsc.size,
      used: secure.flashBytes,
      detail: `weights ${fmt(weights)} + code and constants ${fmt(code)} + NSC veneers ${fmt(veneers)}`,
    },
    {
      name: 'secure RAM',
      origin: layout.secureRam.origin,
      size: layout.secureRam.size,
      used: secure.ramBytes,
      detail: `stack ${fmt(secure.stack)} + model arena, buffers and data ${fmt(secure.data + secure.bss)}`,
    },
    {
      name: 'non-secure flash',
      origin: layout.nsFlash.origin,
      size: layout.nsFlash.size,
      used: ns.flashBytes,
      detail: 'protocol server and application',
    },
    {
      name: 'non-secure RAM',
      origin: layout.nsRam.origin,
      size: layout.nsRam.size,
      used: ns.ramBytes,
      detail: `stack ${fmt(ns.stack)} + I/O buffers and protocol ${fmt(ns.data + ns.bss)}`,
    },
  ];
}

export async function buildTrustZoneProject(
  dir: string,
  settings: TrustZoneSettings,
  model: ModelSummary,
  reporter: Reporter,
): Promise<BuildResult> {
  const { layout } = settings;
  checkPartitionsFit(dir, settings, model);
  writeTrustZoneConfig(dir, settings, model);
  const toolchain = await findArmToolchain().catch((e: unknown) => {
    throw e instanceof TinyforgeError ? e : new BuildError(String(e), '', null, '', ARM_TOOLCHAIN_HINT);
  });
  const buildDir = join(dir, 'build');
  reporter.step?.(`configuring ${layout.board.name} TrustZone firmware (cmake)`);
  await cmake(
    ['-S', dir, '-B', buildDir, ...generatorArgs(buildDir), `-DTF_ARM_GCC=${toolchain.gcc}`],
    'cmake configure',
    reporter,
  );
  reporter.step?.(`compiling the secure and non-secure images (arm-none-eabi-gcc)`);
  await cmake(['--build', buildDir], 'firmware build', reporter, (output) =>
    partitionOverflow(layout, output),
  );
  const secure = await sizes(join(dir, SECURE_ELF), layout, true);
  const ns = await sizes(join(dir, NONSECURE_ELF), layout, false);
  return { image: join(dir, FIRMWARE_ELF), partitions: partitionUsage(layout, secure, ns) };
}
