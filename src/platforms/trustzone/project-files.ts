/**
 * The files of a TrustZone project: the CMake template and toolchain file, copies of the
 * Cortex-M platform base (platform/), the TrustZone runtime (trustzone/) and the secure service
 * core (secure/), and the option-dependent files `tinyforge build` rewrites — cmake/board.cmake,
 * secure.ld, nonsecure.ld and config/tf_tz_layout.h (only when they change, so nothing rebuilds
 * needlessly).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../graph/load.js';
import { boardCmake, writeIfChanged } from '../common/firmware-project.js';
import { cortexMRuntimeDir, packageRoot } from '../common/paths.js';
import type { OptLevel } from '../common/toolchain.js';
import type { ModelSummary } from '../types.js';
import { imageBoard } from './boards.js';
import { layoutHeader, type NonSecureModelSizes, type TrustZoneLayout } from './layout.js';
import { nonSecureLinkerScript, secureLinkerScript } from './linker-scripts.js';

export interface TrustZoneSettings {
  layout: TrustZoneLayout;
  opt: OptLevel;
  /** Secure stack (the model runs on it). */
  stackSize: number;
  nsStackSize: number;
  profileOps: boolean;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const COMMON_TEMPLATE = join(HERE, '..', 'common', 'template');
export const TRUSTZONE_RUNTIME = join('runtime', 'platform', 'trustzone');
export const SECURE_RUNTIME = join('runtime', 'secure');

function copySources(from: string, to: string): void {
  for (const f of readdirSync(from).filter((n) => /\.[ch]$/.test(n)))
    writeIfChanged(join(to, f), readFileSync(join(from, f), 'utf8'));
}

export function writeTrustZoneProject(dir: string, settings: TrustZoneSettings, model: ModelSummary): void {
  writeIfChanged(join(dir, 'CMakeLists.txt'), readFileSync(join(HERE, 'template', 'CMakeLists.txt'), 'utf8'));
  const toolchain = join('cmake', 'arm-none-eabi.cmake');
  writeIfChanged(join(dir, toolchain), readFileSync(join(COMMON_TEMPLATE, toolchain), 'utf8'));
  copySources(cortexMRuntimeDir(), join(dir, 'platform'));
  copySources(join(packageRoot(), TRUSTZONE_RUNTIME), join(dir, 'trustzone'));
  copySources(join(packageRoot(), SECURE_RUNTIME), join(dir, 'secure'));
  writeTrustZoneConfig(dir, settings, model);
}

const IO_ALIGN = 16;

/** Tensor count, I/O pool and op count of the model in DIR/model. */
export function nonSecureModelSizes(dir: string, model: ModelSummary): NonSecureModelSizes {
  const { graph } = loadModel(join(dir, 'model', model.file));
  const io = [...graph.inputs, ...graph.outputs].map((t) => graph.tensors[t]!.bytes);
  return {
    inputs: graph.inputs.length,
    outputs: graph.outputs.length,
    tensors: io.length,
    ioBytes: io.reduce((sum, b) => sum + Math.ceil(b / IO_ALIGN) * IO_ALIGN, 0),
    ops: graph.ops.length,
  };
}

export function writeTrustZoneConfig(dir: string, settings: TrustZoneSettings, model: ModelSummary): void {
  const { layout } = settings;
  const secureBoard = imageBoard(layout.board, layout.secureCode, layout.secureRam);
  const cmake = boardCmake(
    {
      board: secureBoard,
      opt: settings.opt,
      stackSize: settings.stackSize,
      profileOps: settings.profileOps,
      semihosting: true,
    },
    'platform/tf_uart.c',
  );
  writeIfChanged(join(dir, 'cmake', 'board.cmake'), cmake);
  writeIfChanged(join(dir, 'secure.ld'), secureLinkerScript(layout, model.name, settings.stackSize));
  writeIfChanged(join(dir, 'nonsecure.ld'), nonSecureLinkerScript(layout, settings.nsStackSize));
  writeIfChanged(
    join(dir, 'config', 'tf_tz_layout.h'),
    layoutHeader(layout, nonSecureModelSizes(dir, model)),
  );
}
