/**
 * The plan's offsets extended to the app-owned inputs and outputs, as one buffer laid out
 * [arena | persistent | app-owned inputs and outputs]. A tensor with offset -1 and `aliasOf`
 * set lives in that input's or output's buffer. Hosts that own everything (the interpreter in
 * tests, the checker) use this layout to run the plan exactly as a device would.
 */
import { alignUp } from './placement.js';
import type { PlanResult } from './types.js';

export interface ResolvedPlan {
  offsets: number[];
  bytes: number;
}

export function resolveOffsets(plan: PlanResult): ResolvedPlan {
  const offsets = [...plan.offsets];
  let bytes = plan.arenaBytes + plan.persistentBytes;
  for (const t of plan.tensors) {
    const appOwned = (t.class === 'input' || t.class === 'output') && t.offset < 0 && t.aliasOf < 0;
    if (!appOwned || t.bytes === 0) continue;
    offsets[t.index] = bytes;
    bytes += alignUp(t.bytes, plan.alignment);
  }
  for (const t of plan.tensors) if (t.offset < 0 && t.aliasOf >= 0) offsets[t.index] = offsets[t.aliasOf];
  return { offsets, bytes };
}
