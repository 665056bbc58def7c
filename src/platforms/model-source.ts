/**
 * The model part of a project (DIR/model): a .tflite compiled here with the device-protocol
 * glue, or a `tinyforge compile --format archive` .tar extracted as it is and completed with
 * that glue (tf_app_model.c and the protocol runtime), so its code generation options stay.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { generateApp } from '../codegen/c/app.js';
import { compileModel, runtimeDir } from '../codegen/compile.js';
import { DataFormatError, FileNotFoundError } from '../errors.js';
import { loadModel } from '../graph/load.js';
import { readTar } from '../io/tar-reader.js';
import type { ModelSummary } from './types.js';

export const MODEL_DIR = 'model';
/** C symbol prefix of models compiled by create-project. */
const MODEL_NAME = 'model';
const APP_HEADERS = ['app/tf_app.h', 'app/tf_app_hooks.h'];

interface ArchiveMetadata {
  name: string;
  model: string;
  modelHash: string;
  memory: ModelSummary['memory'];
}

/** Compiles or extracts `source` into DIR/model; returns what the platforms need to know. */
export function writeModelSources(dir: string, source: string, runtimeVersion: string): ModelSummary {
  if (!existsSync(source)) throw new FileNotFoundError(source, 'model or archive');
  const modelDir = join(dir, MODEL_DIR);
  if (source.toLowerCase().endsWith('.tar')) return extractArchive(source, modelDir, runtimeVersion);
  const c = compileModel(loadModel(source), modelDir, { name: MODEL_NAME, app: true, runtimeVersion });
  return { file: basename(source), name: c.name, hash: c.modelHash, memory: c.memory };
}

function extractArchive(archive: string, modelDir: string, runtimeVersion: string): ModelSummary {
  const entries = readTar(new Uint8Array(readFileSync(archive)), archive);
  // compile writes every file under one top folder (the -o name); drop it.
  const tops = new Set(entries.map((e) => e.path.split('/')[0]));
  const strip = tops.size === 1 && entries.every((e) => e.path.includes('/'));
  for (const e of entries) {
    const rel = strip ? e.path.slice(e.path.indexOf('/') + 1) : e.path;
    mkdirSync(dirname(join(modelDir, rel)), { recursive: true });
    writeFileSync(join(modelDir, rel), e.data);
  }
  const metaPath = join(modelDir, 'metadata.json');
  if (!existsSync(metaPath)) {
    throw new DataFormatError(
      `${archive} has no metadata.json`,
      'pass a .tar written by `tinyforge compile --format archive`, or the .tflite model',
    );
  }
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as ArchiveMetadata;
  const loaded = loadModel(join(modelDir, meta.model));
  writeFileSync(
    join(modelDir, 'src', 'tf_app_model.c'),
    generateApp(loaded.graph, {
      name: meta.name,
      modelName: meta.model,
      runtimeVersion,
      modelHash: meta.modelHash,
      opCount: loaded.graph.ops.length,
    }),
  );
  copyAppRuntime(join(modelDir, 'runtime'));
  return { file: meta.model, name: meta.name, hash: meta.modelHash, memory: meta.memory };
}

function copyAppRuntime(to: string): void {
  const from = runtimeDir();
  const protocol = readdirSync(join(from, 'protocol')).map((f) => `protocol/${f}`);
  for (const f of [...APP_HEADERS, ...protocol]) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(from, f), join(to, f));
  }
}

/** The summary of a project's model, from DIR/model/metadata.json. */
export function readModelSummary(dir: string): ModelSummary {
  const metaPath = join(dir, MODEL_DIR, 'metadata.json');
  if (!existsSync(metaPath)) throw new FileNotFoundError(metaPath, 'model metadata of the project');
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as ArchiveMetadata;
  return { file: meta.model, name: meta.name, hash: meta.modelHash, memory: meta.memory };
}
