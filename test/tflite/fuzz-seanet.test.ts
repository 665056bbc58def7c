/** Reader fuzzing over the shared single-op seanet models (seeded, reproducible). */
import { describe } from 'vitest';
import { HAVE_SHARED, sharedModels } from '../support/shared.js';
import { fuzzModel } from './fuzz.js';

describe.skipIf(!HAVE_SHARED)('reader fuzz: seanet', () => {
  sharedModels()
    .filter((m) => m.name.startsWith('seanet/'))
    .forEach((m, i) => {
      fuzzModel(m, 5000 + i);
    });
});
