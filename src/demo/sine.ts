/** The sine demo: the example int8 model for every degree, against Math.sin. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileNotFoundError } from '../errors.js';
import { dequantize, quantizeValues } from '../io/values.js';
import type { InferenceSession } from '../run/session.js';
import type { DType } from '../tflite/schema.js';

export interface SineLine {
  degrees: number;
  model: number;
  math: number;
  deviation: number;
}

export interface SineSummary {
  lines: SineLine[];
  maxDeviation: number;
  meanDeviation: number;
}

/** The example model shipped with the package (examples/sine/sine_int8.tflite). */
export function sineModelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [
    join(here, '../../examples/sine/sine_int8.tflite'),
    join(here, '../../../examples/sine/sine_int8.tflite'),
  ]) {
    if (existsSync(p)) return p;
  }
  throw new FileNotFoundError('examples/sine/sine_int8.tflite', 'sine example model');
}

/** Runs one degree through a session: quantize x, invoke, dequantize y. */
export async function sineAt(session: InferenceSession, degrees: number): Promise<SineLine> {
  const x = (degrees * Math.PI) / 180;
  const input = session.inputs[0];
  const quant = input.scale === null ? null : { scale: input.scale, zeroPoint: input.zeroPoint ?? 0 };
  await session.setInput(0, quantizeValues([x], input.dtype as DType, input.shape, quant).data);
  await session.invoke();
  const out = session.outputs[0];
  const model = dequantize(out.dtype, await session.getOutput(0), out.scale, out.zeroPoint)[0];
  const math = Math.sin(x);
  return { degrees, model, math, deviation: Math.abs(model - math) };
}

export async function runSineDemo(
  session: InferenceSession,
  onLine?: (l: SineLine) => void,
): Promise<SineSummary> {
  const lines: SineLine[] = [];
  for (let d = 0; d < 360; d++) {
    const line = await sineAt(session, d);
    lines.push(line);
    onLine?.(line);
  }
  const devs = lines.map((l) => l.deviation);
  return {
    lines,
    maxDeviation: Math.max(...devs),
    meanDeviation: devs.reduce((a, b) => a + b, 0) / devs.length,
  };
}

export function formatSineLine(l: SineLine, prefix = ''): string {
  return `${prefix}Model: sine of ${l.degrees} deg is ${l.model.toFixed(4)}   Math.sin: ${l.math.toFixed(4)}   Deviation: ${l.deviation.toFixed(4)}`;
}
