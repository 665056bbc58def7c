/**
 * tinyforge's own placement: several greedy orderings, then hill climbing on the best ordering
 * (move a buffer that sets the arena's top earlier, or swap two), re-decoding only the changed
 * suffix. Deterministic: a fixed seed and an iteration budget, never a clock.
 */
import {
  decodeFrom,
  extent,
  firstFit,
  lowerBound,
  makeProblem,
  orderBy,
  type Problem,
  positions,
} from './placement.js';
import type { PlanBuffer } from './types.js';

export interface SearchOptions {
  /** Most hill-climbing moves (default scales with the number of buffers). */
  iterations?: number;
  /**
   * Most conflicts visited while decoding, a machine-independent stand-in for time: the default
   * keeps a 200-op model well under a second even when its lifetimes are long.
   */
  work?: number;
  seed?: number;
}

const DEFAULT_WORK = 4_000_000;

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Max live bytes over each buffer's lifetime: buffers at the peak are the hard ones. */
function pressure(buffers: readonly PlanBuffer[], sizes: number[]): number[] {
  const steps = buffers.reduce((m, b) => Math.max(m, b.last + 1), 0);
  const live = new Array<number>(steps).fill(0);
  buffers.forEach((b, i) => {
    for (let s = b.first; s <= b.last; s++) live[s] += sizes[i];
  });
  return buffers.map((b) => Math.max(0, ...live.slice(b.first, b.last + 1)));
}

/** Starting orderings; greedy-by-size comes first so ties keep it and the result is never worse. */
function seedOrders(buffers: readonly PlanBuffer[], p: Problem): number[][] {
  const n = buffers.length;
  const size = (i: number) => p.sizes[i];
  const press = pressure(buffers, p.sizes);
  const span = (i: number) => buffers[i].last - buffers[i].first + 1;
  return [
    orderBy(n, size),
    orderBy(n, (i) => p.conflicts[i].length, size),
    orderBy(n, (i) => press[i], size),
    orderBy(n, (i) => size(i) * span(i)),
    orderBy(n, (i) => -buffers[i].first, size),
    orderBy(n, (i) => press[i], span),
  ];
}

interface State {
  order: number[];
  pos: number[];
  offsets: number[];
  end: number;
}

/** One move: returns the first position whose placement changed. */
function move(p: Problem, s: State, pick: (n: number) => number): number {
  const n = s.order.length;
  const tops = s.order.filter((b) => s.offsets[b] + p.sizes[b] === s.end && s.pos[b] > 0);
  if (tops.length > 0 && pick(2) === 0) {
    const b = tops[pick(tops.length)];
    const from = s.pos[b];
    const to = pick(from);
    s.order.splice(from, 1);
    s.order.splice(to, 0, b);
    return to;
  }
  const i = pick(n);
  const j = pick(n);
  [s.order[i], s.order[j]] = [s.order[j], s.order[i]];
  return Math.min(i, j);
}

interface Budget {
  iterations: number;
  work: number;
  seed: number;
}

function climb(p: Problem, start: State, bound: number, budget: Budget): State {
  const pick = rng(budget.seed);
  let cur = start;
  let work = 0;
  for (let it = 0; it < budget.iterations && work < budget.work && cur.end > bound; it++) {
    const next: State = { order: [...cur.order], pos: [], offsets: [...cur.offsets], end: 0 };
    const from = move(p, next, pick);
    next.pos = positions(next.order);
    // Copying and scanning the state costs about one visit per buffer.
    work += next.order.length + decodeFrom(p, next.order, next.pos, from, next.offsets);
    next.end = extent(p, next.offsets);
    if (next.end <= cur.end) cur = next;
  }
  return cur;
}

export function localSearchPlace(
  buffers: readonly PlanBuffer[],
  alignment: number,
  opts: SearchOptions = {},
): number[] {
  if (buffers.length < 2) return buffers.map(() => 0);
  const p = makeProblem(buffers, alignment);
  const bound = lowerBound(buffers, alignment).bytes;
  let best: State | null = null;
  for (const order of seedOrders(buffers, p)) {
    const offsets = firstFit(p, order);
    const end = extent(p, offsets);
    if (!best || end < best.end) best = { order, pos: positions(order), offsets, end };
  }
  return climb(p, best!, bound, {
    iterations: opts.iterations ?? Math.min(6000, Math.max(800, 25 * buffers.length)),
    work: opts.work ?? DEFAULT_WORK,
    seed: opts.seed ?? 0x7f4a7c15,
  }).offsets;
}
