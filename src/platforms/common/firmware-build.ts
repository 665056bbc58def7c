/**
 * Compiles and links a bare-metal firmware for a board: the application's C files plus the
 * Cortex-M platform base (runtime/platform/cortex_m), with a linker script generated from
 * the board's memory map.
 *
 * The base goes in as a static library, except the startup file (vectors, reset handler):
 * an archive member is linked only when something calls into it, so e.g. the SysTick
 * counter and its interrupt handler cost nothing to a firmware that never starts it (the
 * vector then falls back to the fault reporter). --gc-sections drops the unused rest.
 */
import { readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Board } from './boards.js';
import { runTool } from './exec.js';
import { generateLinkerScript } from './linker-script.js';
import { cortexMRuntimeDir } from './paths.js';
import { type SizeReport, sizeReport } from './size-report.js';
import { type ArmToolchain, compileFlags, findArmToolchain, linkFlags, type OptLevel } from './toolchain.js';

export interface FirmwareBuildOptions {
  board: Board;
  /** The application's C files (one of them defines main). */
  sources: readonly string[];
  outDir: string;
  /** Base name of the outputs: NAME.elf, NAME.map, NAME.ld. */
  name?: string;
  includeDirs?: readonly string[];
  defines?: Readonly<Record<string, string | number>>;
  opt?: OptLevel;
  stackSize?: number;
}

export interface FirmwareBuild {
  elf: string;
  map: string;
  linkerScript: string;
  size: SizeReport;
  /** What the compiler printed; empty for a clean build (warnings are errors anyway). */
  diagnostics: string;
}

const STARTUP_SOURCE = 'tf_startup.c';

/** The platform base's C files, sorted so command lines are reproducible. */
export function cortexMRuntimeSources(): string[] {
  const dir = cortexMRuntimeDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => join(dir, f));
}

export async function buildFirmware(options: FirmwareBuildOptions): Promise<FirmwareBuild> {
  const { board, outDir } = options;
  const name = options.name ?? 'firmware';
  const toolchain = await findArmToolchain();
  await mkdir(outDir, { recursive: true });
  const linkerScript = join(outDir, `${name}.ld`);
  const map = join(outDir, `${name}.map`);
  const elf = join(outDir, `${name}.elf`);
  await writeFile(linkerScript, generateLinkerScript(board, { stackSize: options.stackSize }));
  const flags = [
    ...compileFlags(board, options.opt),
    ...Object.entries(options.defines ?? {}).map(([k, v]) => `-D${k}=${v}`),
    ...[cortexMRuntimeDir(), ...(options.includeDirs ?? [])].map((d) => `-I${d}`),
  ];
  const library = await buildRuntimeLibrary(toolchain, flags, join(outDir, `${name}-platform`));
  const startup = join(cortexMRuntimeDir(), STARTUP_SOURCE);
  const args = [...flags, ...options.sources, startup, library, ...linkFlags(linkerScript, map), '-o', elf];
  const what = `build firmware ${name} for ${board.name}`;
  const { stderr } = await runTool(toolchain.gcc, args, what);
  return { elf, map, linkerScript, size: await sizeReport(elf, board), diagnostics: stderr };
}

async function buildRuntimeLibrary(toolchain: ArmToolchain, flags: string[], dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sources = cortexMRuntimeSources().filter((f) => basename(f) !== STARTUP_SOURCE);
  await runTool(toolchain.gcc, [...flags, '-c', ...sources], 'compile the Cortex-M platform base', {
    cwd: dir,
  });
  const objects = sources.map((f) => join(dir, basename(f).replace(/\.c$/, '.o')));
  const library = join(dir, 'libtf_platform.a');
  await runTool(toolchain.ar, ['rcs', library, ...objects], 'archive the Cortex-M platform base');
  return library;
}
