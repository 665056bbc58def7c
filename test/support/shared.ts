/** Paths and loaders for the read-only shared test data (../shared beside the repo). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type NdArray, parseNpz } from '../../src/io/npy.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const MODELS_DIR = join(SHARED, 'models');
export const GOLDEN_DIR = join(SHARED, 'golden');
export const HAVE_SHARED = existsSync(join(MODELS_DIR, 'MANIFEST.json'));

export interface ManifestTensor {
  index: number;
  name: string;
  dtype: string;
  shape: number[];
  scale?: number;
  zeroPoint?: number;
}

export interface ManifestEntry {
  file: string;
  bytes: number;
  inputs: ManifestTensor[];
  outputs: ManifestTensor[];
  opCounts: Record<string, number>;
  operatorCount: number;
  tflm: { arena_used_bytes: number; nonpersistent_bytes: number; persistent_bytes: number } | null;
  tflmError?: string;
  cases: string[];
}

export interface SharedModel extends ManifestEntry {
  name: string;
  path: string;
}

export function sharedModels(): SharedModel[] {
  if (!HAVE_SHARED) return [];
  const m = JSON.parse(readFileSync(join(MODELS_DIR, 'MANIFEST.json'), 'utf8')) as Record<
    string,
    Record<string, ManifestEntry>
  >;
  const out: SharedModel[] = [];
  for (const [name, e] of Object.entries(m.models ?? {}))
    out.push({ ...e, name, path: join(MODELS_DIR, e.file) });
  for (const [name, e] of Object.entries(m.seanet ?? {})) {
    const file = e.file.includes('/') ? e.file : `seanet/${e.file}`;
    out.push({ ...e, name: `seanet/${name}`, path: join(MODELS_DIR, file) });
  }
  return out;
}

export interface GoldenCase {
  name: string;
  model: SharedModel;
  inputs: Map<string, NdArray>;
  outputs: Map<string, NdArray>;
}

export function loadCase(model: SharedModel, caseName: string): GoldenCase {
  const base = join(GOLDEN_DIR, caseName);
  return {
    name: caseName,
    model,
    inputs: parseNpz(new Uint8Array(readFileSync(`${base}.inputs.npz`))),
    outputs: parseNpz(new Uint8Array(readFileSync(`${base}.outputs.npz`))),
  };
}

export function loadIntermediates(caseName: string): Map<string, NdArray> | null {
  const p = join(GOLDEN_DIR, `${caseName}.intermediates.npz`);
  return existsSync(p) ? parseNpz(new Uint8Array(readFileSync(p))) : null;
}
