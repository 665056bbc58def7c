/** A generic Cortex-M board described by options: CPU, memory map, UART, clock. */
import { UsageError } from '../../errors.js';
import type { Board } from '../common/boards.js';
import { bool, int, optionalStr, str } from '../options.js';
import type { OptionValues } from '../types.js';
import cpusJson from './cpus.json' with { type: 'json' };

interface CpuFacts {
  fpu: { mfpu: string; name: string } | null;
  dsp: boolean;
  mve: boolean;
}

export const CPUS: Readonly<Record<string, CpuFacts>> = cpusJson;

const UNITS: Record<string, number> = { '': 1, K: 1024, M: 1024 * 1024 };

/** "512K", "1M", "0x80000" or "65536" → bytes. */
export function parseBytes(text: string, option: string): number {
  const m = /^\s*(0x[0-9a-f]+|\d+)\s*([KM]?)i?B?\s*$/i.exec(text);
  if (!m)
    throw new UsageError(`option ${option}: "${text}" is not a size`, 'e.g. 512K, 1M, 0x80000 or 65536');
  const n = m[1]!.toLowerCase().startsWith('0x') ? Number.parseInt(m[1]!, 16) : Number(m[1]);
  const bytes = n * UNITS[m[2]!.toUpperCase()]!;
  if (bytes <= 0 || bytes > 0x1_0000_0000) throw new UsageError(`option ${option}: ${text} is out of range`);
  return bytes;
}

/** "0x20000000" or decimal → address. */
export function parseAddress(text: string, option: string): number {
  const t = text.trim().toLowerCase();
  const n = t.startsWith('0x') ? Number.parseInt(t, 16) : Number(t);
  if (!/^(0x[0-9a-f]+|\d+)$/.test(t) || !Number.isSafeInteger(n) || n >= 0x1_0000_0000) {
    throw new UsageError(`option ${option}: "${text}" is not an address`, 'e.g. 0x20000000');
  }
  return n;
}

function region(o: OptionValues, name: 'flash' | 'ram') {
  const origin = parseAddress(str(o, `${name}-origin`), `${name}-origin`);
  const size = parseBytes(str(o, `${name}-size`), `${name}-size`);
  if (origin + size > 0x1_0000_0000)
    throw new UsageError(`${name}: ${origin.toString(16)} + ${size} runs past 4 GB`);
  return { origin, size };
}

export function baremetalBoard(o: OptionValues): Board {
  const cpu = str(o, 'cpu');
  const facts = CPUS[cpu]!;
  const fpu = bool(o, 'fpu') ? facts.fpu : null;
  const flash = region(o, 'flash');
  const ram = region(o, 'ram');
  if (flash.origin < ram.origin + ram.size && ram.origin < flash.origin + flash.size) {
    throw new UsageError(
      'the flash and RAM regions overlap',
      'check flash-origin/flash-size and ram-origin/ram-size',
    );
  }
  const uartBase = optionalStr(o, 'uart-base');
  return {
    name: str(o, 'board-name'),
    description: `generic ${cpu} board`,
    cpu,
    gcc: { mcpu: cpu, mfpu: fpu?.mfpu ?? null, mfloatAbi: fpu ? 'hard' : 'soft' },
    fpu: fpu?.name ?? 'none',
    dsp: facts.dsp,
    mve: facts.mve && fpu !== null,
    flash,
    ram,
    uartBase: uartBase ? parseAddress(uartBase, 'uart-base') : 0,
    systickHz: int(o, 'cpu-hz'),
  };
}

/** CMSDK BAUDDIV = UART clock / baud, never below the 16 the peripheral needs. */
export function cmsdkBaudDiv(o: OptionValues): number {
  return Math.max(16, Math.round(int(o, 'cpu-hz') / int(o, 'baud')));
}
