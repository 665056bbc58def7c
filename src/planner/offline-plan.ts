/**
 * TFLM's offline memory plan: a model metadata entry "OfflineMemoryAllocation" whose buffer is
 * int32 little-endian [version 0, subgraph count, n, offset of tensor 0 .. n-1], with the
 * tensors of all subgraphs concatenated and -1 meaning "let TFLM plan this one online".
 * TFLM places each planned tensor at that offset from the start of its arena head.
 */
import { PlanError } from '../errors.js';
import type { TfliteModel } from '../tflite/model.js';
import { writeModel } from '../tflite/writer.js';
import type { PlanResult } from './types.js';

export const OFFLINE_PLAN_METADATA = 'OfflineMemoryAllocation';
const FORMAT_VERSION = 0;
const ONLINE = -1;

export interface OfflinePlan {
  version: number;
  subgraphs: number;
  offsets: number[];
}

/**
 * The offsets TFLM reads: activations (and inputs/outputs when the plan put them in the arena).
 * Variables and scratch stay with TFLM, which keeps variables in its persistent tail and fits
 * its own scratch around the fixed offsets.
 */
export function offlineOffsets(model: TfliteModel, plan: PlanResult, subgraph = 0): number[] {
  const sizes = model.subgraphs.map((sg) => sg.tensors.length);
  if (plan.offsets.length !== sizes[subgraph])
    throw new PlanError(
      `the plan has ${plan.offsets.length} tensors, subgraph ${subgraph} has ${sizes[subgraph]}`,
    );
  const before = sizes.slice(0, subgraph).reduce((a, b) => a + b, 0);
  const all = new Array<number>(sizes.reduce((a, b) => a + b, 0)).fill(ONLINE);
  plan.tensors.forEach((t) => {
    if (t.class !== 'variable' && t.offset >= 0) all[before + t.index] = t.offset;
  });
  return all;
}

export function encodeOfflinePlan(subgraphs: number, offsets: readonly number[]): Uint8Array {
  const out = new Uint8Array(4 * (3 + offsets.length));
  const v = new DataView(out.buffer);
  [FORMAT_VERSION, subgraphs, offsets.length, ...offsets].forEach((x, i) => {
    v.setInt32(4 * i, x, true);
  });
  return out;
}

export function readOfflinePlan(model: TfliteModel): OfflinePlan | null {
  const md = model.metadata.find((m) => m.name === OFFLINE_PLAN_METADATA);
  if (!md) return null;
  const data = model.buffers[md.buffer].data;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const word = (i: number) => v.getInt32(4 * i, true);
  if (data.byteLength < 12 || data.byteLength < 4 * (3 + word(2)))
    throw new PlanError(`${OFFLINE_PLAN_METADATA} metadata is truncated (${data.byteLength} bytes)`);
  return {
    version: word(0),
    subgraphs: word(1),
    offsets: Array.from({ length: word(2) }, (_, i) => word(3 + i)),
  };
}

/** A copy of the model with the plan as its offline memory plan (replacing any earlier one). */
export function embedOfflinePlan(model: TfliteModel, plan: PlanResult, subgraph = 0): Uint8Array {
  const data = encodeOfflinePlan(model.subgraphs.length, offlineOffsets(model, plan, subgraph));
  const metadata = model.metadata.filter((m) => m.name !== OFFLINE_PLAN_METADATA);
  return writeModel({
    ...model,
    buffers: [...model.buffers, { data }],
    metadata: [...metadata, { name: OFFLINE_PLAN_METADATA, buffer: model.buffers.length }],
  });
}
