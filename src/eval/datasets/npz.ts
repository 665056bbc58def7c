/** Datasets from NumPy files: an .npz with x and y arrays, or an .npy pair. */
import { readFileSync } from 'node:fs';
import { DataFormatError } from '../../errors.js';
import { type NdArray, parseNpy, parseNpz } from '../../io/npy.js';
import { readValues } from '../../io/values.js';
import type { DatasetSpec } from '../scenario.js';
import { checkSampleSize, type Dataset, type DatasetContext, elementCount, toLabel } from './dataset.js';

type NpzSpec = Extract<DatasetSpec, { type: 'npz' }>;
type NpySpec = Extract<DatasetSpec, { type: 'npy' }>;

const read = (path: string) => new Uint8Array(readFileSync(path));

export function openNpz(spec: NpzSpec, ctx: DatasetContext): Dataset {
  const arrays = parseNpz(read(spec.path), spec.path);
  const get = (key: string): NdArray => {
    const a = arrays.get(key);
    if (!a) {
      throw new DataFormatError(
        `${spec.path} has no array "${key}" (found: ${[...arrays.keys()].join(', ') || 'none'})`,
        'name the arrays with dataset.x and dataset.y',
      );
    }
    return a;
  };
  return fromArrays(get(spec.x), get(spec.y), spec.path, ctx);
}

export function openNpy(spec: NpySpec, ctx: DatasetContext): Dataset {
  return fromArrays(parseNpy(read(spec.x), spec.x), parseNpy(read(spec.y), spec.y), spec.x, ctx);
}

/** Per-sample labels (class indices or one-hot rows) or regression targets. */
function outputsOf(y: NdArray, n: number, what: string, ctx: DatasetContext) {
  if (y.shape[0] !== n) throw new DataFormatError(`${what}: x has ${n} samples but y has ${y.shape[0] ?? 0}`);
  const values = readValues(y);
  const per = n === 0 ? 0 : values.length / n;
  const rows = Array.from({ length: n }, (_, i) => values.slice(i * per, (i + 1) * per));
  if (ctx.task === 'regression') return rows.map((target) => ({ label: null, target }));
  return rows.map((r) => {
    const label = per === 1 ? toLabel(r[0], what) : r.indexOf(Math.max(...r));
    return { label, target: null };
  });
}

function fromArrays(x: NdArray, y: NdArray, what: string, ctx: DatasetContext): Dataset {
  if (x.shape.length < 1) throw new DataFormatError(`${what}: x must have a sample dimension first`);
  const n = x.shape[0];
  const per = elementCount(x.shape.slice(1));
  checkSampleSize(what, per, ctx);
  const xs = readValues(x);
  const ys = outputsOf(y, n, what, ctx);
  return {
    size: n,
    classes: null,
    sample: (i) => ({ x: Float64Array.from(xs.slice(i * per, (i + 1) * per)), ...ys[i] }),
  };
}
