/**
 * What a device spec needs before sessions can open: nothing for host and native; for a QEMU
 * board or a real board, a built (and flashed) firmware project of the model, made once and
 * cached by content, plus its flash/RAM size report.
 */
import { join } from 'node:path';
import { modelHash } from '../codegen/compile.js';
import { ConfigError } from '../errors.js';
import { readModelFile } from '../graph/load.js';
import { cachedProject } from '../platforms/cached-project.js';
import { qemuBoard } from '../platforms/common/boards.js';
import { sizeReport } from '../platforms/common/size-report.js';
import { flashProject, readProject } from '../platforms/project.js';
import { STAGED_ELF } from '../platforms/qemu/platform.js';
import type { OptionValue } from '../platforms/types.js';
import type { DeviceOptions } from '../run/devices.js';
import type { DeviceSpec } from './device-spec.js';
import type { FirmwareSize } from './memory.js';

export interface DeviceTarget {
  /** The `openSession` device and its options; every parallel session opens the same. */
  device: string;
  options: DeviceOptions;
  firmware: FirmwareSize | null;
}

export type PlatformOptions = Readonly<Record<string, OptionValue>>;

async function qemuFirmwareSize(dir: string): Promise<FirmwareSize | null> {
  const project = readProject(dir);
  if (project.platform !== 'qemu') return null;
  const r = await sizeReport(join(dir, STAGED_ELF), qemuBoard(String(project.options.board)));
  return { flashBytes: r.flashBytes, ramBytes: r.ramBytes };
}

/** A project folder runs the model it was made from: it must be the scenario's model. */
function checkProjectModel(dir: string, modelPath: string): void {
  const project = readProject(dir);
  const hash = modelHash(readModelFile(modelPath));
  if (project.model.hash !== hash) {
    throw new ConfigError(
      `project ${dir} was made from ${project.source}, not from ${modelPath} (model hashes differ)`,
      "point model.path at the project's model, or make a project of this model",
    );
  }
}

/**
 * `options` are platform options: create-project options for qemu:BOARD (e.g. opt, counter)
 * and serial:PORT (the baremetal board facts: cpu, flash-size, ram-size, cpu-hz, uart-base,
 * flash-command); run-stage overrides for a project folder.
 */
export async function prepareTarget(
  spec: DeviceSpec,
  modelPath: string,
  options: PlatformOptions,
  version: string,
): Promise<DeviceTarget> {
  switch (spec.kind) {
    case 'host':
    case 'native':
      return { device: spec.kind, options: { target: modelPath }, firmware: null };
    case 'qemu': {
      const dir = await cachedProject({
        source: modelPath,
        platform: 'qemu',
        options: { counter: 'icount', ...options, board: spec.board },
        runtimeVersion: version,
      });
      return { device: 'micro', options: { target: dir }, firmware: await qemuFirmwareSize(dir) };
    }
    case 'serial': {
      const project = { ...options, serial: spec.port };
      const dir = await cachedProject({
        source: modelPath,
        platform: 'baremetal',
        options: project,
        runtimeVersion: version,
      });
      // The board may hold another firmware since the project was cached: flash it again.
      await flashProject(dir);
      return { device: 'micro', options: { target: dir }, firmware: null };
    }
    case 'project':
      checkProjectModel(spec.dir, modelPath);
      return {
        device: 'micro',
        options: { target: spec.dir, projectOptions: options },
        firmware: await qemuFirmwareSize(spec.dir),
      };
  }
}
