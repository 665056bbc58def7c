/** The built-in synthetic set of the sine example: x uniform in [min, max], y = sin(x) (+ noise). */
import { seededRandom } from '../../run/inputs.js';
import type { DatasetSpec } from '../scenario.js';
import { checkSampleSize, type Dataset, type DatasetContext } from './dataset.js';

type SineSpec = Extract<DatasetSpec, { type: 'sine' }>;

/** Box-Muller on the seeded generator, so noisy sets are reproducible too. */
function gaussian(rnd: () => number): number {
  const u = 1 - rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

export function openSine(spec: SineSpec, ctx: DatasetContext): Dataset {
  checkSampleSize('the sine dataset', 1, ctx);
  const rnd = seededRandom(ctx.seed);
  const xs = Array.from({ length: spec.count }, () => spec.min + rnd() * (spec.max - spec.min));
  const ys = xs.map((x) => Math.sin(x) + (spec.noise > 0 ? spec.noise * gaussian(rnd) : 0));
  return {
    size: spec.count,
    classes: null,
    sample: (i) => ({ x: Float64Array.of(xs[i]), label: null, target: [ys[i]] }),
  };
}
