/** Turning user input (files or a fill mode) into raw input tensors, with clear mismatch errors. */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DataFormatError, FileNotFoundError, InputMismatchError, UsageError } from '../errors.js';
import { type NdArray, parseNpy, parseNpz } from '../io/npy.js';
import { quantizeValues, readValues } from '../io/values.js';
import type { DType } from '../tflite/schema.js';
import type { IOSpec } from './session.js';

export type FillMode = 'zeros' | 'ones' | 'random';

export interface InputOptions {
  inputsFile?: string;
  fillMode?: FillMode;
  seed?: number;
  quantizeInputs?: boolean;
}

/** mulberry32: a small seeded PRNG so random inputs are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INT_RANGE: Record<string, [number, number]> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  bool: [0, 1],
};

function fill(spec: IOSpec, mode: FillMode, rnd: () => number): NdArray {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const values = new Array<number>(n);
  const range = INT_RANGE[spec.dtype];
  for (let i = 0; i < n; i++) {
    if (mode === 'zeros') values[i] = 0;
    else if (mode === 'ones') values[i] = 1;
    else if (range) values[i] = range[0] + Math.floor(rnd() * (range[1] - range[0] + 1));
    else values[i] = rnd() * 2 - 1;
  }
  return quantizeValues(values, spec.dtype as DType, spec.shape, null);
}

function readInputFile(path: string, specs: IOSpec[]): Map<number, NdArray> {
  if (!existsSync(path)) throw new FileNotFoundError(path, 'inputs file');
  const bytes = new Uint8Array(readFileSync(path));
  const ext = extname(path).toLowerCase();
  const out = new Map<number, NdArray>();
  if (ext === '.npz') {
    const arrays = parseNpz(bytes, path);
    specs.forEach((s, i) => {
      const a =
        arrays.get(s.name) ??
        arrays.get(`input_${i}`) ??
        (specs.length === 1 && arrays.size === 1 ? [...arrays.values()][0] : undefined);
      if (!a) {
        throw new InputMismatchError(
          `${path} has no array for input ${i} "${s.name}" (found: ${[...arrays.keys()].join(', ') || 'none'})`,
          `key arrays by input tensor name or input_${i}`,
        );
      }
      out.set(i, a);
    });
    return out;
  }
  if (specs.length !== 1) {
    throw new UsageError(
      `${path}: a single .npy/.bin file can only feed a model with one input; this one has ${specs.length}`,
      'use an .npz with one array per input',
    );
  }
  if (ext === '.npy') out.set(0, parseNpy(bytes, path));
  else if (ext === '.bin') out.set(0, { dtype: specs[0].dtype as DType, shape: specs[0].shape, data: bytes });
  else throw new DataFormatError(`${path}: unknown input format "${ext}"`, 'use .npz, .npy or .bin');
  return out;
}

/** Checks (and when asked, quantizes) one user array against the model's input spec. */
export function conformInput(a: NdArray, spec: IOSpec, i: number, quantize: boolean): Uint8Array {
  const n = spec.shape.reduce((x, y) => x * y, 1);
  const given = a.shape.reduce((x, y) => x * y, 1);
  const shapeOk =
    given === n && (a.shape.length === 0 || a.shape.join() === spec.shape.join() || given === n);
  if (!shapeOk) {
    throw new InputMismatchError(
      `input ${i} "${spec.name}" expects shape [${spec.shape}] (${spec.dtype}), got [${a.shape}] (${a.dtype})`,
    );
  }
  if (a.dtype === spec.dtype) {
    if (a.data.byteLength !== spec.bytes) {
      throw new InputMismatchError(
        `input ${i} "${spec.name}" needs ${spec.bytes} bytes, got ${a.data.byteLength}`,
      );
    }
    return a.data;
  }
  const isFloat = a.dtype === 'float32' || a.dtype === 'float64';
  if (isFloat && spec.scale !== null && INT_RANGE[spec.dtype]) {
    if (!quantize) {
      throw new InputMismatchError(
        `input ${i} "${spec.name}" is ${spec.dtype} but the file holds ${a.dtype} values`,
        `pass --quantize-inputs to quantize them with the model's scale ${spec.scale} and zero point ${spec.zeroPoint}`,
      );
    }
    return quantizeValues(readValues(a), spec.dtype as DType, spec.shape, {
      scale: spec.scale,
      zeroPoint: spec.zeroPoint ?? 0,
    }).data;
  }
  throw new InputMismatchError(
    `input ${i} "${spec.name}" expects dtype ${spec.dtype} [${spec.shape}], got ${a.dtype} [${a.shape}]`,
  );
}

export function resolveInputs(specs: IOSpec[], opts: InputOptions): Uint8Array[] {
  if (opts.inputsFile) {
    const arrays = readInputFile(opts.inputsFile, specs);
    return specs.map((s, i) => conformInput(arrays.get(i)!, s, i, Boolean(opts.quantizeInputs)));
  }
  const rnd = seededRandom(opts.seed ?? 0);
  return specs.map((s) => fill(s, opts.fillMode ?? 'random', rnd).data);
}
