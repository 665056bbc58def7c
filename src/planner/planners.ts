/** The placement algorithms behind one interface, by name. */
import { PlanError } from '../errors.js';
import { localSearchPlace } from './local-search.js';
import { firstFit, makeProblem, orderBy } from './placement.js';
import type { Planner, PlannerName } from './types.js';

/** TFLM's GreedyMemoryPlanner: largest first, each at the lowest offset that fits. */
const greedySize: Planner = {
  name: 'greedy-size',
  description: "TFLM's GreedyMemoryPlanner: sort by size descending, lowest offset that fits",
  place(buffers, alignment) {
    const p = makeProblem(buffers, alignment);
    return firstFit(
      p,
      orderBy(buffers.length, (i) => p.sizes[i]),
    );
  },
};

/** Most lifetime conflicts first (the hardest to fit), then largest. */
const greedyConflicts: Planner = {
  name: 'greedy-conflicts',
  description: 'most lifetime conflicts first, then largest; lowest offset that fits',
  place(buffers, alignment) {
    const p = makeProblem(buffers, alignment);
    return firstFit(
      p,
      orderBy(
        buffers.length,
        (i) => p.conflicts[i].length,
        (i) => p.sizes[i],
      ),
    );
  },
};

const localSearch: Planner = {
  name: 'local-search',
  description: 'best of six greedy orderings, then hill climbing on the order (default)',
  place: (buffers, alignment) => localSearchPlace(buffers, alignment),
};

export const PLANNERS: Readonly<Record<PlannerName, Planner>> = {
  'greedy-size': greedySize,
  'greedy-conflicts': greedyConflicts,
  'local-search': localSearch,
};

export const DEFAULT_PLANNER: PlannerName = 'local-search';

export function isPlannerName(name: string): name is PlannerName {
  return Object.hasOwn(PLANNERS, name);
}

export function plannerByName(name: string): Planner {
  if (!isPlannerName(name))
    throw new PlanError(`unknown planner "${name}"`, `choose one of: ${Object.keys(PLANNERS).join(', ')}`);
  return PLANNERS[name];
}
