/** Every dataset kind: the same labelled samples read from .npz, .npy, CSV, PNG folders; the sine set. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../../src/errors.js';
import { splitCsvLine } from '../../../src/eval/datasets/csv.js';
import { type DatasetContext, openDataset } from '../../../src/eval/datasets/dataset.js';
import { pixels } from '../../../src/eval/datasets/images.js';
import { writeNpy } from '../../../src/io/npy.js';
import { CLASSES, labelledSet, writeCsvSet, writeImageSet, writeNpzSet } from '../fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'tf-datasets-'));
const set = labelledSet(12);
const ctx: DatasetContext = { task: 'classification', inputShape: [1, 4], seed: 0 };
const f32 = (xs: number[]) => Array.from(Float32Array.from(xs));

describe('datasets', () => {
  it('reads x and y arrays from an .npz', () => {
    writeNpzSet(join(dir, 'set.npz'), set);
    const d = openDataset({ type: 'npz', path: join(dir, 'set.npz'), x: 'x', y: 'y' }, ctx);
    expect(d.size).toBe(12);
    expect(d.classes).toBeNull();
    expect(Array.from(d.sample(4).x)).toEqual(f32(set.x[4]));
    expect(d.sample(10).label).toBe(set.labels[10]);
    expect(() => openDataset({ type: 'npz', path: join(dir, 'set.npz'), x: 'images', y: 'y' }, ctx)).toThrow(
      /no array "images" \(found: x, y\)/,
    );
  });

  it('reads an .npy pair; one-hot labels become class indices, and rows become regression targets', () => {
    const x = {
      dtype: 'float32' as const,
      shape: [2, 4],
      data: new Uint8Array(Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]).buffer),
    };
    const y = {
      dtype: 'float32' as const,
      shape: [2, 3],
      data: new Uint8Array(Float32Array.from([0, 0, 1, 0, 1, 0]).buffer),
    };
    writeFileSync(join(dir, 'x.npy'), writeNpy(x));
    writeFileSync(join(dir, 'y.npy'), writeNpy(y));
    const spec = { type: 'npy' as const, x: join(dir, 'x.npy'), y: join(dir, 'y.npy') };
    const d = openDataset(spec, ctx);
    expect([d.sample(0).label, d.sample(1).label]).toEqual([2, 1]);
    const r = openDataset(spec, { ...ctx, task: 'regression' });
    expect(r.sample(1).target).toEqual([0, 1, 0]);
  });

  it('rejects samples that do not fit the model input', () => {
    expect(() =>
      openDataset(
        { type: 'npz', path: join(dir, 'set.npz'), x: 'x', y: 'y' },
        { ...ctx, inputShape: [1, 5] },
      ),
    ).toThrow(DataFormatError);
  });

  it('reads CSV features and named labels', () => {
    writeCsvSet(join(dir, 'set.csv'), set);
    const spec = { type: 'csv' as const, path: join(dir, 'set.csv'), delimiter: ',', label: 'animal' };
    const d = openDataset(spec, ctx);
    expect(d.classes).toEqual(CLASSES);
    expect(d.sample(0).label).toBe(set.labels[0]);
    expect(d.sample(3).x[0]).toBeCloseTo(set.x[3][0], 6);
    const ordered = openDataset(spec, { ...ctx, classes: ['emu', 'dog', 'cat'] });
    expect(ordered.sample(0).label).toBe(2 - set.labels[0]);
  });

  it('reads CSV regression targets and names bad cells', () => {
    writeFileSync(join(dir, 'reg.csv'), 'a,"b",t\n1,2,3\n4,oops,6\n');
    const d = openDataset(
      { type: 'csv', path: join(dir, 'reg.csv'), delimiter: ',', targets: ['t'] },
      { ...ctx, task: 'regression', inputShape: [1, 2] },
    );
    expect(d.sample(0)).toMatchObject({ target: [3], label: null });
    expect(() => d.sample(1)).toThrow(/line 3: "oops" is not a number/);
    expect(splitCsvLine('x,"a, ""b""",  c ', ',')).toEqual(['x', 'a, "b"', 'c']);
  });

  it('reads PNG folders with one sub-folder per class', () => {
    writeImageSet(join(dir, 'images'), set);
    const d = openDataset(
      { type: 'images', path: join(dir, 'images') },
      { ...ctx, inputShape: [1, 2, 2, 1] },
    );
    expect(d.classes).toEqual(CLASSES);
    expect(d.size).toBe(12);
    // Files are listed class by class: the first is the first sample labelled "cat".
    const first = set.labels.indexOf(0);
    expect(Array.from(d.sample(0).x)).toEqual(set.x[first].map((v) => Math.round(v * 255)));
    expect(d.sample(0).label).toBe(0);
  });

  it('checks image sizes and channels against the model', () => {
    const spec = { type: 'images' as const, path: join(dir, 'images') };
    expect(() => openDataset(spec, { ...ctx, inputShape: [1, 4] })).toThrow(/\[1, H, W, 1 or 3\]/);
    const d = openDataset(spec, { ...ctx, inputShape: [1, 3, 3, 1] });
    expect(() => d.sample(0)).toThrow(/is 2x2, the model takes 3x3/);
    mkdirSync(join(dir, 'empty', 'a'), { recursive: true });
    expect(() =>
      openDataset({ type: 'images', path: join(dir, 'empty') }, { ...ctx, inputShape: [1, 2, 2, 1] }),
    ).toThrow(/no \.png images/);
  });

  it('turns RGBA pixels into grey (BT.601 luma) or RGB', () => {
    const rgba = Uint8Array.from([255, 0, 0, 255, 10, 20, 30, 255]);
    expect(Array.from(pixels(rgba, 2, 1))).toEqual([76, 18]);
    expect(Array.from(pixels(rgba, 2, 3))).toEqual([255, 0, 0, 10, 20, 30]);
  });

  it('makes the same seeded sine set every time', () => {
    const spec = { type: 'sine' as const, count: 50, min: 0, max: 2 * Math.PI, noise: 0 };
    const rctx = { ...ctx, task: 'regression' as const, inputShape: [1, 1], seed: 9 };
    const a = openDataset(spec, rctx);
    const b = openDataset(spec, rctx);
    expect(a.size).toBe(50);
    for (const i of [0, 17, 49]) {
      expect(a.sample(i)).toEqual(b.sample(i));
      const s = a.sample(i);
      expect(s.target![0]).toBeCloseTo(Math.sin(s.x[0]), 12);
      expect(s.x[0]).toBeGreaterThanOrEqual(0);
      expect(s.x[0]).toBeLessThan(2 * Math.PI);
    }
    const noisy = openDataset({ ...spec, noise: 0.1 }, rctx).sample(3);
    expect(noisy.target![0]).not.toBe(Math.sin(noisy.x[0]));
  });
});
