/**
 * `compile`: a model → a directory (or .tar) of plain C: src/, include/, the runtime sources
 * it needs, metadata.json and the model file — the layout of TVM's Model Library Format.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import type { LoadedModel } from '../graph/load.js';
import { prepareGraph } from '../interpreter/prepare.js';
import { opMemoryFromKernels } from '../planner/op-memory.js';
import { plan } from '../planner/plan.js';
import type { PlannerName, PlanResult } from '../planner/types.js';
import { generateApp } from './c/app.js';
import { type GeneratedC, generateC } from './c/generate.js';

export interface CompileOptions {
  name?: string;
  weightsSection?: string;
  alignment?: number;
  staticBuffers?: boolean;
  planner?: PlannerName;
  /** Also emit tf_app_model.c (the device-protocol glue) for native runs and firmware. */
  app?: boolean;
  runtimeVersion?: string;
}

export interface CompiledModel {
  dir: string;
  name: string;
  modelHash: string;
  plan: PlanResult;
  generated: GeneratedC;
  /** Paths relative to `dir` of every C source to build (model, runtime, app glue). */
  cSources: string[];
  includeDirs: string[];
  memory: {
    inputBytes: number;
    outputBytes: number;
    activationBytes: number;
    scratchBytes: number;
    persistentBytes: number;
    alignment: number;
  };
}

/** The runtime/ folder of this package (next to src/ and dist/). */
export function runtimeDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '../../runtime');
}

const BASE_RUNTIME = ['quant.h', 'gemmlowp.h', 'tf_model.h'];
const APP_RUNTIME = [
  'app/tf_app.h',
  'app/tf_app_hooks.h',
  'protocol/tf_protocol.h',
  'protocol/tf_protocol.c',
  'protocol/tf_proto_wire.h',
  'protocol/tf_proto_wire.c',
];

/** A C identifier from a file name: `person_detect.tflite` → `person_detect`. */
export function defaultName(modelPath: string): string {
  const stem = basename(modelPath).replace(/\.[^.]*$/, '');
  const id = stem.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
  return /^[a-z_]/.test(id) ? id : `m_${id}`;
}

export function modelHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function planForC(loaded: LoadedModel, opts: CompileOptions): PlanResult {
  // Scratch gets its own app-owned buffer (reusable between invokes and across models), so the
  // arena is planned without it.
  const opMemory = opMemoryFromKernels(loaded.graph).map((m) => ({ ...m, scratchBytes: 0 }));
  return plan(loaded.graph, { alignment: opts.alignment ?? 16, planner: opts.planner, opMemory });
}

export function compileModel(loaded: LoadedModel, dir: string, opts: CompileOptions = {}): CompiledModel {
  const name = opts.name ?? defaultName(loaded.path);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--name "${name}" is not a C identifier`);
  const hash = modelHash(loaded.bytes);
  const prepared = prepareGraph(loaded.graph);
  const p = planForC(loaded, opts);
  const alignment = opts.alignment ?? 16;
  const generated = generateC(loaded.graph, prepared, p, {
    name,
    weightsSection: opts.weightsSection ?? '.rodata',
    alignment,
    staticBuffers: opts.staticBuffers ?? false,
    modelHash: hash,
  });
  for (const d of ['src', 'include', 'runtime/kernels']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'include', `${name}.h`), generated.header);
  writeFileSync(join(dir, 'src', `${name}.c`), generated.source);
  const runtimeFiles = [
    ...BASE_RUNTIME,
    ...generated.runtimeSources.flatMap((s) => [s, s.replace(/\.c$/, '.h')]),
  ];
  if (opts.app) runtimeFiles.push(...APP_RUNTIME);
  for (const f of runtimeFiles) {
    mkdirSync(dirname(join(dir, 'runtime', f)), { recursive: true });
    copyFileSync(join(runtimeDir(), f), join(dir, 'runtime', f));
  }
  const cSources = [`src/${name}.c`, ...generated.runtimeSources.map((s) => `runtime/${s}`)];
  if (opts.app) {
    writeFileSync(
      join(dir, 'src', 'tf_app_model.c'),
      generateApp(loaded.graph, {
        name,
        modelName: basename(loaded.path),
        runtimeVersion: opts.runtimeVersion ?? '0',
        modelHash: hash,
        opCount: loaded.graph.ops.length,
      }),
    );
    cSources.push('src/tf_app_model.c', 'runtime/protocol/tf_protocol.c', 'runtime/protocol/tf_proto_wire.c');
  }
  copyFileSync(loaded.path, join(dir, basename(loaded.path)));
  const memory = {
    inputBytes: p.inputBytes,
    outputBytes: p.outputBytes,
    activationBytes: p.arenaBytes,
    scratchBytes: generated.scratchBytes,
    persistentBytes: p.persistentBytes,
    alignment,
  };
  const includeDirs = ['include', 'runtime', ...(opts.app ? ['runtime/app', 'runtime/protocol'] : [])];
  writeFileSync(
    join(dir, 'metadata.json'),
    `${JSON.stringify(metadata(loaded, name, hash, p, memory, opts), null, 2)}\n`,
  );
  return { dir, name, modelHash: hash, plan: p, generated, cSources, includeDirs, memory };
}

function metadata(
  loaded: LoadedModel,
  name: string,
  hash: string,
  p: PlanResult,
  memory: CompiledModel['memory'],
  opts: CompileOptions,
) {
  const g = loaded.graph;
  const io = (list: number[]) =>
    list.map((t) => {
      const x = g.tensors[t];
      return {
        name: x.name,
        shape: x.shape,
        dtype: x.dtype,
        scale: x.quant?.scale[0] ?? null,
        zeroPoint: x.quant?.zeroPoint[0] ?? null,
        bytes: x.bytes,
      };
    });
  return {
    tinyforgeVersion: opts.runtimeVersion ?? '0',
    name,
    model: basename(loaded.path),
    modelHash: hash,
    inputs: io(g.inputs),
    outputs: io(g.outputs),
    memory,
    ops: [...new Set(g.ops.map((o) => o.opcode))].sort(),
    planner: p.planner,
  };
}
