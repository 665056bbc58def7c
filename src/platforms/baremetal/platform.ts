/**
 * The baremetal platform: any Cortex-M3/M4/M7/M33/M55 board, described by options (CPU,
 * memory map or linker script, UART, clock) instead of a boards.json entry. The project is
 * the same CMake project as qemu's; flashing runs the user's command (openocd, pyocd, ...);
 * running talks to the board over a serial port (or a TCP bridge such as ser2net).
 * SysTick counts the core clock on a real board, so STATS totals are cycles.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { connectTcp } from '../../transport/tcp.js';
import { buildFirmwareProject } from '../common/firmware-cmake-build.js';
import { FIRMWARE_OPTIONS, firmwareSettings } from '../common/firmware-options.js';
import {
  CUSTOM_UART_DIR,
  FIRMWARE_ELF,
  type FirmwareSettings,
  writeFirmwareProject,
} from '../common/firmware-project.js';
import { runStreamed } from '../common/stream-tool.js';
import { readModelSummary } from '../model-source.js';
import { bool, int, optionalStr, str } from '../options.js';
import type { DeviceConnection, OptionSpec, OptionValues, Platform, Stage } from '../types.js';
import { baremetalBoard, CPUS, cmsdkBaudDiv } from './board.js';
import { openSerialPort } from './serial.js';

const atCreate = (
  name: string,
  type: OptionSpec['type'],
  help: string,
  extra: Partial<OptionSpec> = {},
): OptionSpec => ({
  name,
  type,
  required: [],
  optional: ['create-project'],
  help,
  ...extra,
});

const BAREMETAL_OPTIONS: OptionSpec[] = [
  atCreate('cpu', 'choice', 'the core (gcc -mcpu)', {
    choices: Object.keys(CPUS),
    required: ['create-project'],
    optional: [],
  }),
  atCreate('fpu', 'bool', "use the core's FPU (hard-float ABI); false for soft float", { default: true }),
  atCreate('flash-origin', 'string', 'start of flash: vectors, code, weights', { default: '0x00000000' }),
  atCreate('flash-size', 'string', 'flash bytes, e.g. 1M or 0x100000', {
    required: ['create-project'],
    optional: [],
  }),
  atCreate('ram-origin', 'string', 'start of RAM: stack, data, arena', { default: '0x20000000' }),
  atCreate('ram-size', 'string', 'RAM bytes, e.g. 256K', { required: ['create-project'], optional: [] }),
  atCreate(
    'linker-script',
    'string',
    'your own linker script instead of the generated one (keep the sizes above for the fit check)',
  ),
  atCreate(
    'uart',
    'choice',
    'UART driver: cmsdk (Arm CMSDK APB UART) or custom (uart-source implements tf_uart.h)',
    {
      choices: ['cmsdk', 'custom'],
      default: 'cmsdk',
    },
  ),
  atCreate('uart-base', 'string', 'base address of the CMSDK UART, e.g. 0x40004000'),
  atCreate('uart-source', 'string', 'C file implementing tf_uart.h, for uart=custom'),
  atCreate('cpu-hz', 'int', 'core clock in Hz (SysTick and the UART divider)', {
    required: ['create-project'],
    optional: [],
  }),
  atCreate('baud', 'int', 'UART baud rate', { default: 115200, optional: ['create-project', 'run'] }),
  atCreate('semihosting', 'bool', 'exit through semihosting (only with a debugger attached)', {
    default: false,
  }),
  atCreate('board-name', 'string', 'name the firmware reports in INFO', { default: 'baremetal' }),
  ...FIRMWARE_OPTIONS,
  {
    name: 'flash-command',
    type: 'string',
    required: ['flash'],
    optional: ['create-project'],
    help: 'shell command that programs the board; {elf} {hex} {bin} {project} are replaced, e.g. "pyocd flash -t stm32f429zi {hex}"',
  },
  {
    name: 'serial',
    type: 'string',
    required: ['run'],
    optional: ['create-project'],
    help: "the board's UART: a serial device (/dev/ttyACM0) or tcp:HOST:PORT",
  },
];

function check(o: OptionValues, stage: Stage): void {
  if (stage !== 'create-project' && stage !== 'build') return;
  baremetalBoard(o);
  if (str(o, 'uart') === 'cmsdk' && !optionalStr(o, 'uart-base')) {
    throw new UsageError(
      "uart=cmsdk needs the UART's address",
      "add -o uart-base=0x40004000 (your board's UART0)",
    );
  }
  if (str(o, 'uart') === 'custom' && !optionalStr(o, 'uart-source')) {
    throw new UsageError(
      'uart=custom needs your driver',
      'add -o uart-source=my_uart.c (implements runtime/platform/cortex_m/tf_uart.h)',
    );
  }
}

/**
 * create-project copies the user's files into the project (platform/uart/, board.ld); later
 * stages use those copies, so the paths stored in tinyforge.json need not stay valid.
 */
function settings(o: OptionValues, projectDir?: string): FirmwareSettings {
  const custom = str(o, 'uart') === 'custom';
  const uart = optionalStr(o, 'uart-source');
  const script = optionalStr(o, 'linker-script');
  const fromProject = (rel: string) => (projectDir ? join(projectDir, rel) : undefined);
  return {
    ...firmwareSettings(baremetalBoard(o), o, bool(o, 'semihosting')),
    uartBaudDiv: custom ? undefined : cmsdkBaudDiv(o),
    uartSource:
      custom && uart ? (fromProject(`${CUSTOM_UART_DIR}/${basename(uart)}`) ?? resolve(uart)) : undefined,
    linkerScript: script ? (fromProject('board.ld') ?? resolve(script)) : undefined,
  };
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function flashCommandLine(template: string, dir: string): string {
  const abs = resolve(dir);
  const files: Record<string, string> = {
    elf: join(abs, FIRMWARE_ELF),
    hex: join(abs, 'build/firmware.hex'),
    bin: join(abs, 'build/firmware.bin'),
    project: abs,
  };
  return template.replace(/\{(elf|hex|bin|project)\}/g, (_, k: string) => quote(files[k]!));
}

async function openBoard(o: OptionValues): Promise<DeviceConnection> {
  const serial = str(o, 'serial');
  const tcp = /^tcp:(.+):(\d+)$/.exec(serial);
  const transport = tcp
    ? await connectTcp({ host: tcp[1], port: Number(tcp[2]) })
    : await openSerialPort(serial, int(o, 'baud'));
  return { transport, counts: { unit: 'cycles', perTick: 1 }, close: () => transport.close() };
}

export const baremetalPlatform: Platform = {
  name: 'baremetal',
  description: 'a generic Cortex-M board you describe: CPU, memory map, UART, clock, flash command',
  options: BAREMETAL_OPTIONS,
  check,
  async generate(ctx) {
    writeFirmwareProject(ctx.dir, settings(ctx.options), ctx.model);
  },
  build(dir, o, reporter) {
    return buildFirmwareProject(dir, settings(o, dir), readModelSummary(dir), reporter);
  },
  async flash(dir, o, reporter) {
    if (!existsSync(join(dir, FIRMWARE_ELF))) {
      throw new UsageError(`${dir} is not built yet (${FIRMWARE_ELF})`, `run: tinyforge build ${dir}`);
    }
    const line = flashCommandLine(str(o, 'flash-command'), dir);
    reporter.step?.(`flashing: ${line}`);
    await runStreamed(line, [], 'the flash command', { shell: true, cwd: dir, onOutput: reporter.output });
    return { summary: `flashed with: ${line}` };
  },
  openTransport: (_dir, o) => openBoard(o),
};
