/**
 * The building blocks every placement algorithm shares: lifetime conflicts, the lower bound, and
 * the "lowest offset that fits" decoder that turns an ordering of buffers into offsets.
 */
import type { PlanBuffer } from './types.js';

export function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}

/** Per buffer, the buffers whose lifetimes overlap its own (an interval graph's adjacency). */
export function conflictLists(buffers: readonly PlanBuffer[]): number[][] {
  const lists: number[][] = buffers.map(() => []);
  const byFirst = buffers.map((_, i) => i).sort((a, b) => buffers[a].first - buffers[b].first || a - b);
  byFirst.forEach((a, k) => {
    for (let j = k + 1; j < byFirst.length; j++) {
      const b = byFirst[j];
      if (buffers[b].first > buffers[a].last) break;
      lists[a].push(b);
      lists[b].push(a);
    }
  });
  return lists;
}

export interface LiveBytes {
  /** Max over steps of the (aligned) bytes live at that step. */
  bytes: number;
  /** The first step that reaches it (-1 when there are no buffers). */
  step: number;
}

/** No placement can be smaller: every buffer live at one step needs its own bytes. */
export function lowerBound(buffers: readonly PlanBuffer[], alignment: number): LiveBytes {
  const steps = buffers.reduce((m, b) => Math.max(m, b.last + 1), 0);
  const delta = new Array<number>(steps + 1).fill(0);
  for (const b of buffers) {
    delta[b.first] += alignUp(b.bytes, alignment);
    delta[b.last + 1] -= alignUp(b.bytes, alignment);
  }
  let live = 0;
  let best: LiveBytes = { bytes: 0, step: -1 };
  for (let s = 0; s < steps; s++) {
    live += delta[s];
    if (live > best.bytes) best = { bytes: live, step: s };
  }
  return best;
}

/** A placement problem prepared once and decoded many times (sizes already aligned). */
export interface Problem {
  sizes: number[];
  conflicts: number[][];
}

export function makeProblem(buffers: readonly PlanBuffer[], alignment: number): Problem {
  return { sizes: buffers.map((b) => alignUp(b.bytes, alignment)), conflicts: conflictLists(buffers) };
}

/**
 * Places order[start..] one by one at the lowest offset where it overlaps no already-placed
 * buffer it conflicts with. `pos[b]` is b's position in `order`; offsets of order[..start) are kept.
 * Returns the work done (conflicts visited), the unit of the search's deterministic budget.
 */
export function decodeFrom(
  p: Problem,
  order: readonly number[],
  pos: readonly number[],
  start: number,
  offsets: number[],
): number {
  const spans: number[] = [];
  let work = 0;
  for (let k = start; k < order.length; k++) {
    const b = order[k];
    spans.length = 0;
    work += p.conflicts[b].length + 1;
    for (const n of p.conflicts[b]) if (pos[n] < k && p.sizes[n] > 0) spans.push(n);
    spans.sort((x, y) => offsets[x] - offsets[y]);
    let at = 0;
    for (const n of spans) {
      if (offsets[n] >= at + p.sizes[b]) break;
      at = Math.max(at, offsets[n] + p.sizes[n]);
    }
    offsets[b] = at;
  }
  return work;
}

export function positions(order: readonly number[]): number[] {
  const pos: number[] = new Array(order.length);
  order.forEach((b, k) => {
    pos[b] = k;
  });
  return pos;
}

export function firstFit(p: Problem, order: readonly number[]): number[] {
  const offsets = new Array<number>(order.length).fill(0);
  decodeFrom(p, order, positions(order), 0, offsets);
  return offsets;
}

/** The end of the highest buffer: the arena size this placement needs. */
export function extent(p: Problem, offsets: readonly number[]): number {
  let end = 0;
  for (let i = 0; i < offsets.length; i++) end = Math.max(end, offsets[i] + p.sizes[i]);
  return end;
}

/** Buffer indices sorted by descending keys, ties by index (deterministic). */
export function orderBy(n: number, ...keys: ((i: number) => number)[]): number[] {
  return Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (const k of keys) {
      const d = k(b) - k(a);
      if (d !== 0) return d;
    }
    return a - b;
  });
}
