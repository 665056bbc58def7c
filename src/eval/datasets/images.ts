/** A folder of PNG images, one sub-folder per class, decoded in pure JS (pngjs). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { DataFormatError } from '../../errors.js';
import type { DatasetSpec } from '../scenario.js';
import type { Dataset, DatasetContext } from './dataset.js';

type ImagesSpec = Extract<DatasetSpec, { type: 'images' }>;

interface ImageFile {
  path: string;
  label: number;
}

/** [1, H, W, C] (or [H, W, C]) of the model input, for C = 1 (grey) or 3 (RGB). */
function imageShape(shape: readonly number[]): { h: number; w: number; c: number } {
  const s = shape.length === 4 ? shape.slice(1) : shape;
  if (s.length !== 3 || (s[2] !== 1 && s[2] !== 3)) {
    throw new DataFormatError(
      `an image dataset needs a model input of shape [1, H, W, 1 or 3], this one is [${shape}]`,
    );
  }
  return { h: s[0], w: s[1], c: s[2] };
}

function listImages(root: string, classes: string[]): ImageFile[] {
  return classes.flatMap((name, label) => {
    const dir = join(root, name);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      throw new DataFormatError(`class folder not found: ${dir}`, 'dataset.classes names sub-folders');
    }
    return names
      .filter((f) => f.toLowerCase().endsWith('.png'))
      .sort()
      .map((f) => ({ path: join(dir, f), label }));
  });
}

/** RGBA pixels to the model's channels; grey uses the ITU-R BT.601 luma weights. */
export function pixels(rgba: Uint8Array | Buffer, count: number, channels: number): Float64Array {
  const out = new Float64Array(count * channels);
  for (let p = 0; p < count; p++) {
    const [r, g, b] = [rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]];
    if (channels === 1) out[p] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    else out.set([r, g, b], 3 * p);
  }
  return out;
}

function decode(path: string, h: number, w: number, c: number): Float64Array {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(path));
  } catch (e) {
    throw new DataFormatError(`${path} is not a readable PNG: ${(e as Error).message}`);
  }
  if (png.width !== w || png.height !== h) {
    throw new DataFormatError(
      `${path} is ${png.width}x${png.height}, the model takes ${w}x${h}`,
      'resize the images to the model input size',
    );
  }
  return pixels(png.data, w * h, c);
}

export function openImages(spec: ImagesSpec, ctx: DatasetContext): Dataset {
  const { h, w, c } = imageShape(ctx.inputShape);
  const classes =
    spec.classes ??
    ctx.classes ??
    readdirSync(spec.path)
      .filter((d) => statSync(join(spec.path, d)).isDirectory())
      .sort();
  const files = listImages(spec.path, classes);
  if (files.length === 0) throw new DataFormatError(`no .png images under ${spec.path}/<class>/`);
  return {
    size: files.length,
    classes,
    sample: (i) => ({ x: decode(files[i].path, h, w, c), label: files[i].label, target: null }),
  };
}
