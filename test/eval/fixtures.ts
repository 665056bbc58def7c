/**
 * Test data for eval: a tiny 3-class classifier (float and int8) whose prediction is the
 * largest of the first three features, and datasets of it in every supported format.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { writeNpz } from '../../src/io/npy.js';
import { quantizeModel } from '../../src/quantize/ptq.js';
import { seededRandom } from '../../src/run/inputs.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';

export const CLASSES = ['cat', 'dog', 'emu'];

function floatClassifier(inputShape: number[]): Uint8Array {
  const b = new ModelBuilder();
  const x = b.addInput({ name: 'x', dtype: 'float32', shape: inputShape });
  const w = b.addTensor({
    name: 'w',
    dtype: 'float32',
    shape: [3, 4],
    data: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
  });
  const bias = b.addTensor({ name: 'b', dtype: 'float32', shape: [3], data: [0, 0, 0] });
  const y = b.addTensor({ name: 'scores', dtype: 'float32', shape: [1, 3] });
  b.addOperator('FULLY_CONNECTED', [x, w, bias], [y]);
  b.markOutputs(y);
  return b.build();
}

export interface Classifier {
  int8: string;
  float: string;
}

/** The classifier for a [1, 4] feature input or a [1, 2, 2, 1] grey image. */
export function writeClassifier(dir: string, inputShape = [1, 4]): Classifier {
  const float = floatClassifier(inputShape);
  const rnd = seededRandom(7);
  const calibration = Array.from({ length: 64 }, () => [Float32Array.from({ length: 4 }, () => rnd())]);
  const int8 = quantizeModel(readModel(float), calibration);
  mkdirSync(dir, { recursive: true });
  const paths = { int8: join(dir, 'classifier_int8.tflite'), float: join(dir, 'classifier_float.tflite') };
  writeFileSync(paths.int8, int8);
  writeFileSync(paths.float, float);
  return paths;
}

export interface LabelledSet {
  /** Features in [0, 1]; feature `truth` is clearly the largest of the first three. */
  x: number[][];
  /** Labels as given: every tenth one is deliberately wrong. */
  labels: number[];
  /** What the model predicts. */
  truth: number[];
}

export function labelledSet(n: number, seed = 3): LabelledSet {
  const rnd = seededRandom(seed);
  const x: number[][] = [];
  const truth: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % 3;
    const row = [rnd() * 0.4, rnd() * 0.4, rnd() * 0.4, rnd()];
    row[t] = 0.9;
    x.push(row);
    truth.push(t);
    labels.push(i % 10 === 0 ? (t + 1) % 3 : t);
  }
  return { x, labels, truth };
}

export function writeNpzSet(path: string, set: LabelledSet): void {
  writeFileSync(
    path,
    writeNpz({
      x: {
        dtype: 'float32',
        shape: [set.x.length, 4],
        data: new Uint8Array(Float32Array.from(set.x.flat()).buffer),
      },
      y: {
        dtype: 'int64',
        shape: [set.labels.length],
        data: new Uint8Array(BigInt64Array.from(set.labels.map(BigInt)).buffer),
      },
    }),
  );
}

export function writeCsvSet(path: string, set: LabelledSet): void {
  const rows = set.x.map((r, i) => [...r.map((v) => v.toFixed(6)), CLASSES[set.labels[i]]].join(','));
  writeFileSync(path, `f0,f1,f2,f3,animal\n${rows.join('\n')}\n`);
}

/** 2x2 grey PNGs under DIR/<class>/; pixel values are the features times 255. */
export function writeImageSet(dir: string, set: LabelledSet): void {
  set.x.forEach((row, i) => {
    const png = new PNG({ width: 2, height: 2 });
    row.forEach((v, p) => {
      const g = Math.round(v * 255);
      png.data.set([g, g, g, 255], 4 * p);
    });
    const classDir = join(dir, CLASSES[set.labels[i]]);
    mkdirSync(classDir, { recursive: true });
    writeFileSync(join(classDir, `img${String(i).padStart(3, '0')}.png`), PNG.sync.write(png));
  });
}

export function writeScenario(path: string, scenario: Record<string, unknown>): string {
  writeFileSync(path, JSON.stringify(scenario, null, 2));
  return path;
}
