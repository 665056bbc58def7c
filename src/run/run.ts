/** One `run`: inputs in, invoke (timed), outputs out. Used by the CLI and by eval. */
import { dequantize } from '../io/values.js';
import { type InputOptions, resolveInputs } from './inputs.js';
import type { DeviceStats, InferenceSession, IOSpec } from './session.js';

export interface Timing {
  repeat: number;
  number: number;
  meanMs: number;
  medianMs: number;
  stdMs: number;
  minMs: number;
  maxMs: number;
}

export interface OutputResult {
  spec: IOSpec;
  bytes: Uint8Array;
}

export interface RunResult {
  device: string;
  inputs: IOSpec[];
  outputs: OutputResult[];
  timing: Timing | null;
  stats: DeviceStats | null;
}

export interface RunOptions extends InputOptions {
  repeat?: number;
  number?: number;
  time?: boolean;
}

export function timingStats(perRepeatMs: number[], number: number): Timing {
  const s = [...perRepeatMs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const std = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / s.length);
  return {
    repeat: s.length,
    number,
    meanMs: mean,
    medianMs: median,
    stdMs: std,
    minMs: s[0],
    maxMs: s[s.length - 1],
  };
}

export async function runSession(session: InferenceSession, opts: RunOptions): Promise<RunResult> {
  const inputs = resolveInputs(session.inputs, opts);
  for (let i = 0; i < inputs.length; i++) await session.setInput(i, inputs[i]);
  const repeat = Math.max(1, opts.repeat ?? 1);
  const number = Math.max(1, opts.number ?? 1);
  const perRepeat: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    for (let n = 0; n < number; n++) {
      // Each invoke starts from the same state, so repeated timings compute the same thing.
      if (r + n > 0) await session.reset();
      await session.invoke();
    }
    perRepeat.push((performance.now() - t0) / number);
  }
  const outputs: OutputResult[] = [];
  for (let i = 0; i < session.outputs.length; i++)
    outputs.push({ spec: session.outputs[i], bytes: await session.getOutput(i) });
  return {
    device: session.device,
    inputs: session.inputs,
    outputs,
    timing: opts.time || repeat > 1 || number > 1 ? timingStats(perRepeat, number) : null,
    stats: await session.stats(),
  };
}

export interface TopEntry {
  index: number;
  raw: number;
  value: number;
}

/** The N largest entries of an output, with raw and dequantized values. */
export function topN(o: OutputResult, n: number): TopEntry[] {
  const raw = dequantize(o.spec.dtype, o.bytes, null, null);
  const real = dequantize(o.spec.dtype, o.bytes, o.spec.scale, o.spec.zeroPoint);
  return raw
    .map((r, index) => ({ index, raw: r, value: real[index] }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .slice(0, n);
}
