/** RAM and flash figures of an evaluated model: the memory plan, weights, and firmware sizes. */
import { planForC } from '../codegen/compile.js';
import { TinyforgeError } from '../errors.js';
import type { LoadedModel } from '../graph/load.js';
import { opMemoryFromKernels } from '../planner/op-memory.js';
import { planSvg } from '../planner/svg.js';
import type { PlannerName } from '../planner/types.js';

export interface FirmwareSize {
  flashBytes: number;
  ramBytes: number;
}

export interface MemoryReport {
  planner: PlannerName;
  alignment: number;
  arenaBytes: number;
  persistentBytes: number;
  scratchBytes: number;
  inputBytes: number;
  outputBytes: number;
  totalRamBytes: number;
  lowerBoundBytes: number;
  /** Constant tensors: the bulk of flash for a model. */
  weightsBytes: number;
  /** The memory-layout picture (src/planner/svg.ts). */
  layoutSvg: string;
  /** From the firmware's size report (QEMU boards), when there is one. */
  firmware: FirmwareSize | null;
}

/** The plan the C backend makes for this model; a note instead when it cannot plan. */
export function memoryReport(
  loaded: LoadedModel,
  compile: { planner?: PlannerName; alignment: number },
  firmware: FirmwareSize | null,
): MemoryReport | string {
  try {
    const p = planForC(loaded, compile);
    // The C backend keeps scratch in its own buffer beside the arena, sized for the largest op.
    const scratchBytes = Math.max(0, ...opMemoryFromKernels(loaded.graph).map((m) => m.scratchBytes));
    const weightsBytes = loaded.graph.tensors.reduce((s, t) => s + (t.data ? t.data.byteLength : 0), 0);
    return {
      planner: p.planner,
      alignment: p.alignment,
      arenaBytes: p.arenaBytes,
      persistentBytes: p.persistentBytes,
      scratchBytes,
      inputBytes: p.inputBytes,
      outputBytes: p.outputBytes,
      totalRamBytes: p.totalRamBytes + scratchBytes,
      lowerBoundBytes: p.lowerBoundBytes,
      weightsBytes,
      layoutSvg: planSvg(loaded.graph, p),
      firmware,
    };
  } catch (e) {
    if (e instanceof TinyforgeError) return `memory plan unavailable: ${e.message}`;
    throw e;
  }
}
