/** Shared body of the reader fuzz suites: 20,000 seeded mutations per model. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ModelFormatError } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/graph.js';
import { readModel } from '../../src/tflite/reader.js';
import { mutate, seededRandom } from '../support/fuzz.js';
import type { SharedModel } from '../support/shared.js';

export const VARIANTS_PER_MODEL = 20_000;
/** A hang guard, not a benchmark: one input must never take a second. */
const MAX_MS_PER_INPUT = 1000;

export function fuzzModel(m: SharedModel, seed: number): void {
  it(`${m.name}: ${VARIANTS_PER_MODEL} mutants read or fail with ModelFormatError`, () => {
    const work = new Uint8Array(readFileSync(m.path));
    const rnd = seededRandom(seed);
    let slowest = 0;
    for (let i = 0; i < VARIANTS_PER_MODEL; i++) {
      const mutation = mutate(work, rnd);
      const t0 = performance.now();
      try {
        buildGraph(readModel(mutation.bytes));
      } catch (e) {
        if (!(e instanceof ModelFormatError)) {
          throw new Error(`variant ${i} (${mutation.describe}) threw ${(e as Error).stack}`);
        }
      }
      slowest = Math.max(slowest, performance.now() - t0);
      mutation.undo();
    }
    expect(slowest).toBeLessThan(MAX_MS_PER_INPUT);
  });
}
