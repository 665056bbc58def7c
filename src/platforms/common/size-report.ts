/** Flash and RAM a firmware uses, from `arm-none-eabi-size -A` (sections of the ELF). */
import type { Board } from './boards.js';
import { runTool } from './exec.js';
import { findArmToolchain } from './toolchain.js';

export interface SectionSize {
  name: string;
  size: number;
  address: number;
}

export interface SizeReport {
  /** Allocated sections, in ELF order. */
  sections: SectionSize[];
  /** Code and constants (.text holds .rodata too). */
  text: number;
  /** Initialised variables: their initial values sit in flash, the variables in RAM. */
  data: number;
  bss: number;
  stack: number;
  /** text + data (+ any other section placed in flash). */
  flashBytes: number;
  /** stack + data + bss (+ any other section placed in RAM). */
  ramBytes: number;
  flashSize: number;
  ramSize: number;
}

const NOT_ALLOCATED = /^\.(debug|comment|ARM\.attributes|stab|note)/;

const inside = (address: number, region: { origin: number; size: number }): boolean =>
  address >= region.origin && address < region.origin + region.size;

export function parseSizeOutput(output: string, board: Board): SizeReport {
  const sections: SectionSize[] = [];
  for (const line of output.split('\n')) {
    const match = /^(\.\S+)\s+(\d+)\s+(\d+)\s*$/.exec(line);
    if (!match || NOT_ALLOCATED.test(match[1]!) || match[2] === '0') continue;
    sections.push({ name: match[1]!, size: Number(match[2]), address: Number(match[3]) });
  }
  const sizeOf = (name: string): number => sections.find((s) => s.name === name)?.size ?? 0;
  const report: SizeReport = {
    sections,
    text: sizeOf('.text'),
    data: sizeOf('.data'),
    bss: sizeOf('.bss'),
    stack: sizeOf('.stack'),
    flashBytes: 0,
    ramBytes: 0,
    flashSize: board.flash.size,
    ramSize: board.ram.size,
  };
  for (const s of sections) {
    if (inside(s.address, board.ram)) report.ramBytes += s.size;
    else if (inside(s.address, board.flash)) report.flashBytes += s.size;
  }
  report.flashBytes += report.data;
  return report;
}

export async function sizeReport(elf: string, board: Board): Promise<SizeReport> {
  const { size } = await findArmToolchain();
  const { stdout } = await runTool(size, ['-A', '-d', elf], `size report of ${elf}`);
  return parseSizeOutput(stdout, board);
}
