/**
 * Board facts as data: each platform keeps a boards.json (addresses as "0x..." strings so
 * they read like the datasheet) and this module turns it into typed, checked objects.
 */
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import qemuBoardsJson from '../qemu/boards.json' with { type: 'json' };

export interface MemoryRegion {
  origin: number;
  size: number;
}

export type FloatAbi = 'soft' | 'softfp' | 'hard';

export interface Board {
  name: string;
  description: string;
  /** `-M` of qemu-system-arm; absent for boards QEMU does not emulate. */
  qemuMachine?: string;
  cpu: string;
  /** gcc flags: -mcpu, -mfpu (null: no -mfpu flag), -mfloat-abi. */
  gcc: { mcpu: string; mfpu: string | null; mfloatAbi: FloatAbi };
  /** "none" when the core has no FPU; otherwise a short name such as "fpv4-sp". */
  fpu: string;
  /** Armv7E-M / Armv8-M DSP extension (SMLAD and friends). */
  dsp: boolean;
  /** Armv8.1-M Helium (MVE). */
  mve: boolean;
  /** Where code and constants go (a ROM on a real board, RAM standing in for it under QEMU). */
  flash: MemoryRegion;
  ram: MemoryRegion;
  /** CMSDK UART0 as seen from the state the firmware runs in (secure on v8-M boards). */
  uartBase: number;
  /** SysTick clock with CLKSOURCE = processor clock. */
  systickHz: number;
}

const hex = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,8}$/, 'expected a hex string such as "0x20000000"')
  .transform((s) => Number.parseInt(s, 16));

const regionSchema = z.object({ origin: hex, size: hex });

const boardSchema = z.object({
  description: z.string(),
  qemuMachine: z.string().optional(),
  cpu: z.string(),
  gcc: z.object({
    mcpu: z.string(),
    mfpu: z.string().nullable(),
    mfloatAbi: z.enum(['soft', 'softfp', 'hard']),
  }),
  fpu: z.string(),
  dsp: z.boolean(),
  mve: z.boolean(),
  flash: regionSchema,
  ram: regionSchema,
  uartBase: hex,
  systickHz: z.number().int().positive(),
});

/** Checks a parsed boards.json; `source` names it in errors. */
export function parseBoards(json: unknown, source: string): Map<string, Board> {
  const parsed = z.record(z.string(), boardSchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `${source}: ${issue.path.join('.')}: ${issue.message}`,
      'fix the board entry; docs/firmware.md lists the fields',
    );
  }
  const boards = new Map<string, Board>();
  for (const [name, entry] of Object.entries(parsed.data)) boards.set(name, { name, ...entry });
  return boards;
}

let qemuBoardCache: Map<string, Board> | undefined;

/** The boards of the qemu platform (src/platforms/qemu/boards.json). */
export function qemuBoards(): Map<string, Board> {
  qemuBoardCache ??= parseBoards(qemuBoardsJson, 'src/platforms/qemu/boards.json');
  return qemuBoardCache;
}

export function qemuBoard(name: string): Board {
  const board = qemuBoards().get(name);
  if (!board) {
    throw new ConfigError(
      `unknown QEMU board: ${name}`,
      `choose one of: ${[...qemuBoards().keys()].join(', ')}`,
    );
  }
  return board;
}
