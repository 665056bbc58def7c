/**
 * Device spec strings of scenarios: `host`, `native`, `qemu:mps2-an386` (a QEMU board),
 * `serial:/dev/ttyUSB0` (a real board on the baremetal platform) or a platform project folder.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { qemuBoards } from '../platforms/common/boards.js';
import { PROJECT_FILE, readProject } from '../platforms/project.js';

export type DeviceSpec =
  | { kind: 'host' }
  | { kind: 'native' }
  | { kind: 'qemu'; board: string }
  | { kind: 'serial'; port: string }
  | { kind: 'project'; dir: string };

function qemuBoardName(board: string): string {
  const boards = [...qemuBoards().keys()];
  if (!boards.includes(board))
    throw new ConfigError(`unknown QEMU board "${board}"`, `choose one of: ${boards.join(', ')}`);
  return board;
}

/** Parses a spec; a bare path must be an existing directory (resolved against `base`). */
export function parseDeviceSpec(spec: string, base: string): DeviceSpec {
  if (spec === 'host' || spec === 'native') return { kind: spec };
  const m = /^(qemu|serial):(.+)$/.exec(spec);
  if (m?.[1] === 'qemu') return { kind: 'qemu', board: qemuBoardName(m[2]) };
  if (m?.[1] === 'serial') return { kind: 'serial', port: m[2] };
  const dir = resolve(base, spec);
  if (existsSync(dir) && statSync(dir).isDirectory()) {
    if (!existsSync(join(dir, PROJECT_FILE)))
      throw new ConfigError(
        `${dir} is not a tinyforge project (no ${PROJECT_FILE})`,
        'tinyforge create-project DIR MODEL PLATFORM',
      );
    return { kind: 'project', dir };
  }
  throw new ConfigError(
    `device "${spec}" is neither host, native, qemu:BOARD, serial:PORT nor a project folder`,
    'e.g. "host", "native", "qemu:mps2-an386", "serial:/dev/ttyUSB0" or "./my-project"',
  );
}

/** Why a spec cannot be used, or null: scenario validation lists it with the other problems. */
export function deviceSpecProblem(spec: string, base: string): string | null {
  try {
    parseDeviceSpec(spec, base);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export function describeSpec(spec: DeviceSpec): string {
  if (spec.kind === 'qemu') return `qemu:${spec.board}`;
  if (spec.kind === 'serial') return `serial:${spec.port}`;
  if (spec.kind === 'project') return spec.dir;
  return spec.kind;
}

/** Whether several sessions can run at once: a real board is one device, emulators are many. */
export function parallelizable(spec: DeviceSpec): boolean {
  if (spec.kind === 'serial') return false;
  if (spec.kind === 'project') return readProject(spec.dir).platform === 'qemu';
  return true;
}

/** Default parallel sessions: every core for host and native, a few QEMUs, one real board. */
export function defaultJobs(spec: DeviceSpec): number {
  const cores = Math.max(1, availableParallelism());
  if (!parallelizable(spec)) return 1;
  return spec.kind === 'host' || spec.kind === 'native' ? cores : Math.min(cores, 4);
}
