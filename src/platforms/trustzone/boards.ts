/**
 * TrustZone board facts (boards.json): where the secure image may live (flash and RAM behind
 * the SSRAM protection controllers, at their secure aliases) and the memory the non-secure
 * image gets, plus what every Cortex-M firmware needs (core, FPU, UART, SysTick).
 */
import { z } from 'zod';
import { ConfigError } from '../../errors.js';
import type { Board, MemoryRegion } from '../common/boards.js';
import boardsJson from './boards.json' with { type: 'json' };

export interface TrustZoneBoard {
  name: string;
  description: string;
  qemuMachine: string;
  cpu: string;
  gcc: Board['gcc'];
  fpu: string;
  dsp: boolean;
  /** Secure code and constants (the model's weights go here). */
  secureFlash: MemoryRegion;
  /** Secure RAM (the model's arena and buffers, the secure stack). */
  secureRam: MemoryRegion;
  /** Memory without a protection controller: the non-secure code and RAM partitions. */
  nonSecureMemory: MemoryRegion;
  /** UART0 at its non-secure alias: the secure image hands it to the non-secure side. */
  uartBase: number;
  systickHz: number;
}

const hex = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,8}$/, 'expected a hex string such as "0x10000000"')
  .transform((s) => Number.parseInt(s, 16));
const region = z.object({ origin: hex, size: hex });

const boardSchema = z.object({
  description: z.string(),
  qemuMachine: z.string(),
  cpu: z.string(),
  gcc: z.object({
    mcpu: z.string(),
    mfpu: z.string().nullable(),
    mfloatAbi: z.enum(['soft', 'softfp', 'hard']),
  }),
  fpu: z.string(),
  dsp: z.boolean(),
  secureFlash: region,
  secureRam: region,
  nonSecureMemory: region,
  uartBase: hex,
  systickHz: z.number().int().positive(),
});

let cache: Map<string, TrustZoneBoard> | undefined;

export function trustZoneBoards(): Map<string, TrustZoneBoard> {
  if (cache) return cache;
  const parsed = z.record(z.string(), boardSchema).safeParse(boardsJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `src/platforms/trustzone/boards.json: ${issue.path.join('.')}: ${issue.message}`,
      'fix the board entry; docs/trustzone.md lists the fields',
    );
  }
  cache = new Map(Object.entries(parsed.data).map(([name, b]) => [name, { name, ...b }]));
  return cache;
}

export function trustZoneBoard(name: string): TrustZoneBoard {
  const board = trustZoneBoards().get(name);
  if (!board) {
    throw new ConfigError(
      `unknown TrustZone board: ${name}`,
      `choose one of: ${[...trustZoneBoards().keys()].join(', ')}`,
    );
  }
  return board;
}

/**
 * The board as the common Cortex-M code sees one image: its flash and RAM (for a linker
 * script or a size report), the core's flags, the UART and SysTick (for QEMU and -D flags).
 */
export function imageBoard(board: TrustZoneBoard, flash: MemoryRegion, ram: MemoryRegion): Board {
  return {
    name: board.name,
    description: board.description,
    qemuMachine: board.qemuMachine,
    cpu: board.cpu,
    gcc: board.gcc,
    fpu: board.fpu,
    dsp: board.dsp,
    mve: false,
    flash,
    ram,
    uartBase: board.uartBase,
    systickHz: board.systickHz,
  };
}
