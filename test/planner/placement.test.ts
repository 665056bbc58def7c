import { describe, expect, it } from 'vitest';
import { checkPlacement } from '../../src/planner/check.js';
import { localSearchPlace } from '../../src/planner/local-search.js';
import { conflictLists, extent, lowerBound, makeProblem } from '../../src/planner/placement.js';
import { PLANNERS } from '../../src/planner/planners.js';
import type { PlanBuffer } from '../../src/planner/types.js';
import { rand, randomBuffers } from './random.js';

const ALIGNMENTS = [1, 4, 16];

describe('placement on plain buffers', () => {
  it('every planner is valid, never below the bound, and local search never loses to greedy-by-size', () => {
    const r = rand(1);
    for (let k = 0; k < 3000; k++) {
      const buffers = randomBuffers(r);
      const alignment = ALIGNMENTS[k % ALIGNMENTS.length];
      const p = makeProblem(buffers, alignment);
      const bound = lowerBound(buffers, alignment).bytes;
      const ends: Record<string, number> = {};
      for (const planner of Object.values(PLANNERS)) {
        const offsets = planner.place(buffers, alignment);
        expect(checkPlacement(buffers, offsets, alignment), `${planner.name} #${k}`).toEqual([]);
        ends[planner.name] = extent(p, offsets);
        expect(ends[planner.name]).toBeGreaterThanOrEqual(bound);
      }
      expect(ends['local-search']).toBeLessThanOrEqual(ends['greedy-size']);
      expect(ends['local-search']).toBeLessThanOrEqual(ends['greedy-conflicts']);
    }
  });

  it('beats greedy-by-size where largest-first is a trap', () => {
    // Two long-lived small buffers around a big one: largest first strands a gap.
    const buffers: PlanBuffer[] = [
      { bytes: 48, first: 0, last: 1 },
      { bytes: 32, first: 1, last: 2 },
      { bytes: 32, first: 2, last: 3 },
      { bytes: 16, first: 0, last: 0 },
      { bytes: 64, first: 3, last: 4 },
      { bytes: 16, first: 4, last: 4 },
    ];
    const p = makeProblem(buffers, 16);
    const greedy = extent(p, PLANNERS['greedy-size'].place(buffers, 16));
    const search = extent(p, localSearchPlace(buffers, 16));
    expect(search).toBe(lowerBound(buffers, 16).bytes);
    expect(search).toBeLessThan(greedy);
  });

  it('the lower bound is the peak of live aligned bytes', () => {
    const buffers: PlanBuffer[] = [
      { bytes: 10, first: 0, last: 2 },
      { bytes: 20, first: 1, last: 1 },
      { bytes: 30, first: 2, last: 3 },
    ];
    expect(lowerBound(buffers, 1)).toEqual({ bytes: 40, step: 2 });
    expect(lowerBound(buffers, 16)).toEqual({ bytes: 48, step: 1 });
    expect(lowerBound([], 16)).toEqual({ bytes: 0, step: -1 });
  });

  it('conflicts are exactly the overlapping lifetimes', () => {
    const buffers: PlanBuffer[] = [
      { bytes: 1, first: 0, last: 1 },
      { bytes: 1, first: 1, last: 2 },
      { bytes: 1, first: 3, last: 3 },
    ];
    expect(conflictLists(buffers).map((l) => l.sort())).toEqual([[1], [0], []]);
  });

  it('the checker catches overlap and misalignment', () => {
    const buffers: PlanBuffer[] = [
      { bytes: 16, first: 0, last: 1 },
      { bytes: 16, first: 1, last: 2 },
    ];
    expect(checkPlacement(buffers, [0, 8], 16)).toHaveLength(2);
    expect(checkPlacement(buffers, [0, 0], 16)).toHaveLength(1);
    expect(checkPlacement(buffers, [0, 16], 16)).toEqual([]);
  });
});
