/** The planner's vocabulary: plain buffers for the placement algorithms, and the plan of a graph. */

/** One block of memory to place: live from step `first` to step `last`, both inclusive. */
export interface PlanBuffer {
  bytes: number;
  first: number;
  last: number;
}

/** A placement algorithm: offsets (multiples of `alignment`) for a plain list of buffers. */
export interface Planner {
  name: string;
  description: string;
  place(buffers: readonly PlanBuffer[], alignment: number): number[];
}

export type PlannerName = 'greedy-size' | 'greedy-conflicts' | 'local-search';

/** Where a tensor lives: in flash, in app-owned memory, in the arena, or in the persistent tail. */
export type TensorClass = 'constant' | 'input' | 'output' | 'activation' | 'variable' | 'unused';

export interface PlannedTensor {
  index: number;
  name: string;
  class: TensorClass;
  /** Byte offset from the start of the planned memory; -1 when not planned (constants, app-owned). */
  offset: number;
  bytes: number;
  /** Steps in execution order (equal to op indices for graphs in file order); -1 when never used. */
  firstOp: number;
  lastOp: number;
  /** The tensor whose memory this one shares (view or in-place output), or -1. */
  aliasOf: number;
}

export interface PlannedScratch {
  step: number;
  opIndex: number;
  offset: number;
  bytes: number;
}

export interface PlanPeak {
  step: number;
  opIndex: number;
  opcode: string;
  /** Tensors live at the peak step (alias members included), and the step's scratch bytes. */
  liveTensors: number[];
  scratchBytes: number;
  bytes: number;
}

export interface PlanResult {
  planner: PlannerName;
  alignment: number;
  ioInArena: boolean;
  /** Per tensor index: byte offset in the planned memory, -1 for constants and app-owned tensors. */
  offsets: number[];
  /** The activation arena: planned tensors and scratch, from offset 0. */
  arenaBytes: number;
  /** Variable tensors, placed after the arena at offsets arenaBytes.. (one buffer holds both). */
  persistentBytes: number;
  /** The largest scratch any one op needs (inside the arena, live only during its op). */
  scratchBytes: number;
  inputBytes: number;
  outputBytes: number;
  /** Max over steps of live bytes after aliasing: no placement can use a smaller arena. */
  lowerBoundBytes: number;
  /** Everything the model needs in RAM: arena + persistent + app-owned inputs and outputs. */
  totalRamBytes: number;
  tensors: PlannedTensor[];
  scratch: PlannedScratch[];
  peak: PlanPeak;
  /** Ops whose scratch is unknown (no kernel for them yet); empty when every op was prepared. */
  unpreparedOps: number[];
}
