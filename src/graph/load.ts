/** Loading a model file from disk into the IR, with user-facing errors for bad paths. */
import { readFileSync, statSync } from 'node:fs';
import { FileNotFoundError, ModelFormatError } from '../errors.js';
import type { TfliteModel } from '../tflite/model.js';
import { readModel } from '../tflite/reader.js';
import { buildGraph, type Graph } from './graph.js';

export interface LoadedModel {
  path: string;
  bytes: Uint8Array;
  model: TfliteModel;
  graph: Graph;
}

export function readModelFile(path: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      throw new ModelFormatError(
        `${path} is a directory, not a .tflite file`,
        '',
        'pass the path of a .tflite file',
      );
    size = st.size;
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    throw new FileNotFoundError(path, 'model file');
  }
  if (size === 0)
    throw new ModelFormatError(`${path} is empty`, '', 'pass a .tflite model file; this one has 0 bytes');
  const buf = readFileSync(path);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function loadModel(path: string): LoadedModel {
  const bytes = readModelFile(path);
  let model: TfliteModel;
  try {
    model = readModel(bytes);
  } catch (e) {
    if (e instanceof ModelFormatError) {
      throw new ModelFormatError(`${path}: ${e.message}`, '', e.hint);
    }
    throw e;
  }
  return { path, bytes, model, graph: buildGraph(model) };
}
