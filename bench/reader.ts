/**
 * Reader speed: a 100 MB model (one large FULLY_CONNECTED weight) read and verified, inline
 * and in the offset/size form, median of several runs. Run: npx tsx bench/reader.ts → bench/READER.md
 */
import { buildGraph } from '../src/graph/graph.js';
import { ModelBuilder } from '../src/tflite/model-builder.js';
import { readModel } from '../src/tflite/reader.js';
import { writeModel } from '../src/tflite/writer.js';
import { markdownTable, median, writeResults } from './common.js';

const ROWS = 10_000;
const COLS = 10_000; // 100,000,000 int8 weights

function bigModel() {
  const b = new ModelBuilder({ description: 'reader benchmark' });
  const x = b.addInput({ name: 'x', dtype: 'int8', shape: [1, COLS], quant: { scale: 0.1, zeroPoint: 0 } });
  const w = b.addTensor({
    name: 'w',
    dtype: 'int8',
    shape: [ROWS, COLS],
    data: new Uint8Array(ROWS * COLS).fill(3),
    quant: { scale: 0.01 },
  });
  const y = b.addTensor({ name: 'y', dtype: 'int8', shape: [1, ROWS], quant: { scale: 0.5, zeroPoint: 0 } });
  b.addOperator('FULLY_CONNECTED', [x, w, -1], [y]);
  b.markOutputs(y);
  return b.toModel();
}

function time(bytes: Uint8Array): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    buildGraph(readModel(bytes));
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const model = bigModel();
const inline = writeModel(model);
const after = writeModel(model, { buffersAfter: true });
const rows = [
  ['inline buffers', (inline.byteLength / 1e6).toFixed(1), time(inline)],
  ['offset/size buffers', (after.byteLength / 1e6).toFixed(1), time(after)],
];
writeResults(
  'READER.md',
  'Reader benchmark',
  markdownTable(['form', 'model MB', 'read + verify + graph, ms (median of 5)'], rows),
);
