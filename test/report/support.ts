/** Results files for report tests: small sine and classifier runs on host, made once per file. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../src/eval/evaluate.js';
import type { EvalResults } from '../../src/eval/results.js';
import { loadScenario } from '../../src/eval/scenario.js';
import { CLASSES, labelledSet, writeClassifier, writeNpzSet, writeScenario } from '../eval/fixtures.js';
import { REPO_ROOT } from '../support/shared.js';

export interface ResultsFiles {
  dir: string;
  sine: string;
  classifier: string;
  sineResults: EvalResults;
}

async function save(path: string, scenario: string): Promise<EvalResults> {
  const r = await evaluate(loadScenario(scenario), { version: '0.0.0-test', jobs: 1 });
  writeFileSync(path, JSON.stringify(r));
  return r;
}

export async function makeResults(): Promise<ResultsFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-report-'));
  const sine = writeScenario(join(dir, 'sine.json'), {
    name: 'sine on host',
    model: {
      path: join(REPO_ROOT, 'examples/sine/sine_int8.tflite'),
      reference: join(REPO_ROOT, 'examples/sine/sine_float.tflite'),
    },
    dataset: { type: 'sine', count: 300 },
    metrics: { task: 'regression', tolerance: 0.05 },
  });
  writeClassifier(dir);
  writeNpzSet(join(dir, 'set.npz'), labelledSet(60));
  const classifier = writeScenario(join(dir, 'classifier.json'), {
    name: 'classifier <int8> & friends',
    model: { path: 'classifier_int8.tflite', reference: 'classifier_float.tflite' },
    dataset: { type: 'npz', path: 'set.npz' },
    metrics: { task: 'classification', classes: CLASSES },
  });
  const files = {
    dir,
    sine: join(dir, 'sine.results.json'),
    classifier: join(dir, 'classifier.results.json'),
  };
  const sineResults = await save(files.sine, sine);
  await save(files.classifier, classifier);
  return { ...files, sineResults };
}
