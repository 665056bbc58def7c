/**
 * Differential harness for the fully-connected / recurrent / activation C kernels: one-op
 * models run through the TS interpreter and the generated C (all cases of a test file linked
 * into one host binary), invoked several times without reset so op state carries over.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { compileModel, runtimeDir } from '../../src/codegen/compile.js';
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { NATIVE_FLAGS } from '../../src/run/native.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type QuantSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import type { DType } from '../../src/tflite/schema.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';
import { compareOutput } from '../conformance/compare.js';
import { lcg, type T } from '../kernels/fc-group-support.js';

export interface OpCase {
  /** A C identifier, unique within one run. */
  name: string;
  opcode: string;
  /** `null` is an omitted optional input; tensors without values are graph inputs (or variables). */
  inputs: (T | null)[];
  output: T;
  options?: BuiltinOptions;
  /** Invokes without reset in between (default 1); each gets fresh random inputs. */
  invokes?: number;
  /** Range of random float inputs (default ±8). */
  floatRange?: number;
  /** Explicit input values per invoke and graph input, instead of random ones. */
  feeds?: number[][][];
}

export interface OpResult {
  c: OpCase;
  dtype: DType;
  ts: Uint8Array[];
  native: Uint8Array[];
}

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  int32: [-(2 ** 20), 2 ** 20],
};

function randomValues(dtype: DType, n: number, r: () => number, floatRange: number): number[] {
  if (dtype === 'float32') return Array.from({ length: n }, () => Math.fround((r() * 2 - 1) * floatRange));
  const range = INT_RANGE[dtype];
  if (!range) throw new Error(`no random values for ${dtype}`);
  return Array.from({ length: n }, () => range[0] + Math.floor(r() * (range[1] - range[0] + 1)));
}

function buildModel(c: OpCase): Uint8Array {
  const b = new ModelBuilder();
  const ids = c.inputs.map((t) => {
    if (!t) return -1;
    const spec = { dtype: t.dtype, shape: t.shape, quant: t.quant };
    if (t.values || t.variable) return b.addTensor({ ...spec, data: t.values, isVariable: t.variable });
    return b.addInput(spec);
  });
  const out = b.addTensor({ dtype: c.output.dtype, shape: c.output.shape, quant: c.output.quant });
  b.addOperator(c.opcode, ids, [out], c.options ?? {});
  b.markOutputs(out);
  return b.build();
}

interface Built {
  c: OpCase;
  graph: Graph;
  feeds: Uint8Array[][];
  ts: Uint8Array[];
  /** The generated model C, and the runtime kernels it calls (linked once from runtime/). */
  sources: string[];
  kernels: string[];
}

function prepareCase(c: OpCase, dir: string, seed: number): Built {
  const bytes = buildModel(c);
  const graph = buildGraph(readModel(bytes));
  const r = lcg(seed);
  const interp = new Interpreter(graph);
  const feeds: Uint8Array[][] = [];
  const ts: Uint8Array[] = [];
  for (let k = 0; k < (c.feeds?.length ?? c.invokes ?? 1); k++) {
    const feed = graph.inputs.map((t, i) => {
      const x = graph.tensors[t];
      const n = x.bytes / (x.dtype === 'float32' || x.dtype === 'int32' ? 4 : x.dtype === 'int16' ? 2 : 1);
      return encodeValues(x.dtype, c.feeds?.[k][i] ?? randomValues(x.dtype, n, r, c.floatRange ?? 8));
    });
    feed.forEach((f, i) => {
      interp.setInput(i, f);
    });
    interp.invoke();
    feeds.push(feed);
    ts.push(interp.output(0).slice());
  }
  const path = join(dir, `${c.name}.tflite`);
  writeFileSync(path, bytes);
  const compiled = compileModel({ path, bytes, model: graph.model, graph }, join(dir, c.name), {
    name: c.name,
    staticBuffers: true,
  });
  const sources = compiled.cSources.filter((s) => s.startsWith('src/')).map((s) => join(dir, c.name, s));
  const kernels = compiled.generated.runtimeSources.map((s) => join(runtimeDir(), s));
  return { c, graph, feeds, ts, sources, kernels };
}

function mainSource(built: Built[]): string {
  const blocks = built.map((b) => {
    const ins = b.graph.inputs.map(
      (t, i) =>
        `    static uint8_t in${i}[${Math.max(1, b.graph.tensors[t].bytes)}] __attribute__((aligned(16)));`,
    );
    const outBytes = b.graph.tensors[b.graph.outputs[0]].bytes;
    const list = b.graph.inputs.map((_, i) => `in${i}`).join(', ') || 'NULL';
    const reads = b.graph.inputs.map(
      (_, i) => `      if (fread(in${i}, 1, sizeof in${i}, stdin) != sizeof in${i}) return 2;`,
    );
    return `  {
${ins.join('\n')}
    static uint8_t out[${outBytes}] __attribute__((aligned(16)));
    const void *ins[] = {${list}};
    void *outs[1] = {out};
    if (${b.c.name}_init_static() != 0) return 3;
    for (int k = 0; k < ${b.feeds.length}; ++k) {
${reads.join('\n')}
      if (${b.c.name}_invoke(ins, outs) != 0) return 4;
      fwrite(out, 1, sizeof out, stdout);
    }
  }`;
  });
  const includes = built.map((b) => `#include "${b.c.name}.h"`).join('\n');
  return `#include <stdio.h>\n#include <stdint.h>\n${includes}\nint main(void) {\n${blocks.join('\n')}\n  return 0;\n}\n`;
}

/** A one-input op whose output has the input's shape (activations). */
export function unaryCase(
  name: string,
  opcode: string,
  dtype: DType,
  inQuant?: QuantSpec,
  outQuant?: QuantSpec,
  shape = [3, 5, 11],
): OpCase {
  return {
    name,
    opcode,
    inputs: [{ dtype, shape, quant: inQuant }],
    output: { dtype, shape, quant: outQuant },
    floatRange: 20,
  };
}

/** Runs every case through the TS interpreter and one host binary of their generated C. */
export async function runNative(cases: OpCase[], seed = 1): Promise<OpResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-fc-group-'));
  const built = cases.map((c, i) => prepareCase(c, dir, seed + i));
  writeFileSync(join(dir, 'main.c'), mainSource(built));
  const kernels = [...new Set(built.flatMap((b) => b.kernels))];
  const exe = await buildHostExecutable({
    sources: [join(dir, 'main.c'), ...built.flatMap((b) => b.sources), ...kernels],
    includeDirs: [...built.map((b) => join(dir, b.c.name, 'include')), runtimeDir()],
    flags: NATIVE_FLAGS,
    name: 'fc-group-native',
  });
  const input = Buffer.concat(built.flatMap((b) => b.feeds.flat()));
  const output = execFileSync(exe, { input, maxBuffer: 1 << 26 });
  let at = 0;
  return built.map((b) => {
    const native = b.ts.map((t) => {
      const got = new Uint8Array(output.subarray(at, at + t.byteLength));
      at += t.byteLength;
      return got;
    });
    return { c: b.c, dtype: b.graph.tensors[b.graph.outputs[0]].dtype, ts: b.ts, native };
  });
}

/** Byte-identical outputs; float32 as the conformance suite compares them (1e-5 relative, 1e-6 absolute). */
export function expectSameOutputs(results: OpResult[]): void {
  for (const r of results) {
    r.ts.forEach((ts, k) => {
      expect(compareOutput(r.dtype, ts, r.native[k]), `${r.c.name} invoke ${k}`).toBeNull();
    });
  }
}
