/**
 * Trains the sine example (1→16→16→1 MLP) and writes sine_float.tflite and sine_int8.tflite
 * beside this file, using tinyforge's ModelBuilder and post-training quantizer.
 * Run: npx tsx examples/sine/train.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantizeModel } from '../../src/quantize/ptq.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { type Layer, makeMlp, train } from './mlp.js';

const SEED = 7;

export function sineData(count: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const x = (2 * Math.PI * i) / count;
    return { x, y: Math.sin(x) };
  });
}

export function floatModel(layers: Layer[]): Uint8Array {
  const b = new ModelBuilder({ description: 'tinyforge sine example (float)' });
  let x = b.addInput({ name: 'x', dtype: 'float32', shape: [1, 1] });
  layers.forEach((l, i) => {
    const w = b.addTensor({
      name: `dense_${i}/weights`,
      dtype: 'float32',
      shape: [l.outputs, l.inputs],
      data: Array.from(l.w),
    });
    const bias = b.addTensor({
      name: `dense_${i}/bias`,
      dtype: 'float32',
      shape: [l.outputs],
      data: Array.from(l.b),
    });
    const y = b.addTensor({
      name: i === layers.length - 1 ? 'y' : `dense_${i}/out`,
      dtype: 'float32',
      shape: [1, l.outputs],
    });
    b.addOperator('FULLY_CONNECTED', [x, w, bias], [y], {
      fusedActivationFunction: l.relu ? 'RELU' : 'NONE',
    });
    x = y;
  });
  b.markOutputs(x);
  return b.build();
}

export function trainSine(steps = 12000): { float: Uint8Array; int8: Uint8Array; loss: number } {
  const layers = makeMlp([1, 16, 16, 1], SEED);
  const loss = train(layers, sineData(1000), steps, SEED);
  const float = floatModel(layers);
  const calibration = sineData(500).map((s) => [Float32Array.of(s.x)]);
  const int8 = quantizeModel(readModel(float), calibration);
  return { float, int8, loss };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  const t0 = performance.now();
  const { float, int8, loss } = trainSine();
  writeFileSync(join(here, 'sine_float.tflite'), float);
  writeFileSync(join(here, 'sine_int8.tflite'), int8);
  console.log(
    `trained in ${((performance.now() - t0) / 1000).toFixed(1)} s, final batch loss ${loss.toExponential(2)}`,
  );
  console.log(`wrote sine_float.tflite (${float.byteLength} B) and sine_int8.tflite (${int8.byteLength} B)`);
}
