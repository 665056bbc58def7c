/** Options and settings every Cortex-M firmware platform (qemu, baremetal) shares. */
import { bool, int, str } from '../options.js';
import type { OptionSpec, OptionValues } from '../types.js';
import type { Board } from './boards.js';
import type { FirmwareSettings } from './firmware-project.js';
import type { OptLevel } from './toolchain.js';

export const FIRMWARE_OPTIONS: OptionSpec[] = [
  {
    name: 'opt',
    type: 'choice',
    choices: ['Os', 'O2', 'O3'],
    default: 'O2',
    required: [],
    optional: ['create-project', 'build'],
    help: 'gcc optimisation level of the firmware',
  },
  {
    name: 'stack-size',
    type: 'int',
    default: 4096,
    required: [],
    optional: ['create-project', 'build'],
    help: 'bytes of main stack (multiple of 8); STATS reports how much was used',
  },
  {
    name: 'profile',
    type: 'bool',
    default: true,
    required: [],
    optional: ['create-project', 'build'],
    help: 'count every op (STATS per-op figures); false leaves only the total',
  },
];

export function firmwareSettings(board: Board, o: OptionValues, semihosting: boolean): FirmwareSettings {
  return {
    board,
    opt: str(o, 'opt') as OptLevel,
    stackSize: int(o, 'stack-size'),
    profileOps: bool(o, 'profile'),
    semihosting,
  };
}
