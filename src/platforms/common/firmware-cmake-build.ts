/**
 * `tinyforge build` for the Cortex-M platforms: rewrite the option-dependent files, check the
 * model fits, then cmake (Ninja when installed, else make) with arm-none-eabi-gcc, then the
 * size report. Warnings are errors (-Werror), so a build that succeeds is a clean one.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { BuildError, TinyforgeError } from '../../errors.js';
import type { BuildResult, ModelSummary, Reporter } from '../types.js';
import { FIRMWARE_ELF, type FirmwareSettings, writeFirmwareConfig } from './firmware-project.js';
import { checkModelFits, linkOverflow } from './memory-fit.js';
import { sizeReport } from './size-report.js';
import { streamTool } from './stream-tool.js';
import { ARM_TOOLCHAIN_HINT, findArmToolchain, findOnPath } from './toolchain.js';

const CMAKE_HINT =
  'install it: sudo apt-get install --no-install-recommends cmake make (ninja-build optional)';

export async function cmake(
  args: string[],
  what: string,
  reporter: Reporter,
  onFailure: (output: string) => TinyforgeError | null = () => null,
): Promise<void> {
  const { code, output } = await streamTool('cmake', args, {
    onOutput: reporter.output,
    installHint: CMAKE_HINT,
  });
  if (code === 0) return;
  const lines = output.trimEnd().split('\n');
  throw (
    onFailure(output) ??
    new BuildError(`${what} failed`, ['cmake', ...args].join(' '), code, lines.slice(-30).join('\n'))
  );
}

/** -G only on the first configure: an existing build directory keeps its generator. */
export function generatorArgs(buildDir: string): string[] {
  if (existsSync(join(buildDir, 'CMakeCache.txt'))) return [];
  return findOnPath('ninja') ? ['-G', 'Ninja'] : ['-G', 'Unix Makefiles'];
}

export async function buildFirmwareProject(
  dir: string,
  settings: FirmwareSettings,
  model: ModelSummary,
  reporter: Reporter,
): Promise<BuildResult> {
  const { board } = settings;
  checkModelFits(board, model.memory, settings.stackSize);
  writeFirmwareConfig(dir, settings);
  const toolchain = await findArmToolchain().catch((e: unknown) => {
    throw e instanceof TinyforgeError ? e : new BuildError(String(e), '', null, '', ARM_TOOLCHAIN_HINT);
  });
  const buildDir = join(dir, 'build');
  reporter.step?.(`configuring ${board.name} firmware (cmake)`);
  await cmake(
    ['-S', dir, '-B', buildDir, ...generatorArgs(buildDir), `-DTF_ARM_GCC=${toolchain.gcc}`],
    'cmake configure',
    reporter,
  );
  reporter.step?.(`compiling ${board.name} firmware (arm-none-eabi-gcc)`);
  await cmake(
    ['--build', buildDir, '--parallel', String(availableParallelism())],
    'firmware build',
    reporter,
    (output) => linkOverflow(board, output, model.memory),
  );
  const image = join(dir, FIRMWARE_ELF);
  return { image, size: await sizeReport(image, board) };
}
