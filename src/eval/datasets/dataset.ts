/** A dataset is indexed samples of raw input values with a class label or regression targets. */
import { DataFormatError } from '../../errors.js';
import type { DatasetSpec } from '../scenario.js';
import { openCsv } from './csv.js';
import { openImages } from './images.js';
import { openNpy, openNpz } from './npz.js';
import { openSine } from './sine.js';

export type Task = 'classification' | 'regression';

export interface Sample {
  /** Raw values (before preprocessing), as many as the model input has elements. */
  x: Float64Array;
  /** Class index for classification. */
  label: number | null;
  /** Expected outputs for regression. */
  target: number[] | null;
}

export interface Dataset {
  size: number;
  /** Class names for classification datasets that name them (folders, CSV labels). */
  classes: string[] | null;
  sample(i: number): Sample;
}

export interface DatasetContext {
  task: Task;
  /** Shape of the model input (batch first). */
  inputShape: number[];
  /** Class names from the scenario, when given. */
  classes?: string[];
  seed: number;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function openDataset(spec: DatasetSpec, ctx: DatasetContext): Dataset {
  switch (spec.type) {
    case 'npz':
      return openNpz(spec, ctx);
    case 'npy':
      return openNpy(spec, ctx);
    case 'images':
      return openImages(spec, ctx);
    case 'csv':
      return openCsv(spec, ctx);
    case 'sine':
      return openSine(spec, ctx);
  }
}

/** Checks one sample's size against the model input. */
export function checkSampleSize(what: string, got: number, ctx: DatasetContext): void {
  const want = elementCount(ctx.inputShape);
  if (got !== want) {
    throw new DataFormatError(
      `${what} has ${got} values per sample, the model input [${ctx.inputShape}] takes ${want}`,
      'the dataset does not match this model',
    );
  }
}

/** Integer label from a class index value, checked. */
export function toLabel(v: number, what: string): number {
  if (!Number.isInteger(v) || v < 0)
    throw new DataFormatError(`${what}: class label ${v} is not a non-negative integer`);
  return v;
}
