/**
 * Does the model fit the board? Checked twice: before compiling, from the compiled model's
 * own figures (arena, I/O buffers, stack), and after a failed link, from ld's "region
 * overflowed by N bytes" — either way the user reads required against available bytes.
 */
import { PlanError } from '../../errors.js';
import type { ModelSummary } from '../types.js';
import type { Board } from './boards.js';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** RAM the model's own buffers and the stack need, before any code is compiled. */
export function modelRamBytes(memory: ModelSummary['memory'], stackSize: number): number {
  return (
    memory.activationBytes +
    memory.scratchBytes +
    memory.persistentBytes +
    memory.inputBytes +
    memory.outputBytes +
    stackSize
  );
}

const isFlash = (region: string): boolean => /flash|rom/i.test(region);

function tooBig(board: Board, region: string, required: number, available: number, parts: string): PlanError {
  return new PlanError(
    `the model does not fit ${board.name}: ${region} needs ${fmt(required)} bytes${parts}, ` +
      `the board has ${fmt(available)} (${fmt(required - available)} bytes short)`,
    isFlash(region)
      ? 'pick a board with more flash or a smaller model'
      : 'pick a board with more RAM, a smaller model, or a smaller stack (-o stack-size=N)',
  );
}

export function checkModelFits(board: Board, memory: ModelSummary['memory'], stackSize: number): void {
  const required = modelRamBytes(memory, stackSize);
  if (required <= board.ram.size) return;
  const parts =
    ` (arena ${fmt(memory.activationBytes + memory.scratchBytes + memory.persistentBytes)}` +
    ` + inputs/outputs ${fmt(memory.inputBytes + memory.outputBytes)} + stack ${fmt(stackSize)},` +
    ' before any code)';
  throw tooBig(board, 'RAM', required, board.ram.size, parts);
}

const OVERFLOW = /region `(\w+)' overflowed by (\d+) bytes/g;

/** A PlanError when the link failed because a memory region overflowed; otherwise null. */
export function linkOverflow(board: Board, output: string, memory: ModelSummary['memory']): PlanError | null {
  const overflows = new Map<string, number>();
  for (const [, region, bytes] of output.matchAll(OVERFLOW)) overflows.set(region!, Number(bytes));
  if (overflows.size === 0) return null;
  const [region, over] = [...overflows.entries()][0]!;
  const available = isFlash(region) ? board.flash.size : board.ram.size;
  const arena = memory.activationBytes + memory.scratchBytes + memory.persistentBytes;
  const parts = isFlash(region) ? ' (code and weights)' : ` (arena ${fmt(arena)} of it)`;
  return tooBig(board, region, available + over, available, parts);
}
