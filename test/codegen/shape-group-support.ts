/**
 * Differential runs for the shape / data-movement C emitters: small ModelBuilder models go
 * through the TS interpreter and through the generated C, all linked into one host binary per
 * test file (one compile), and their outputs are compared byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileModel, runtimeDir } from '../../src/codegen/compile.js';
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { seededRandom } from '../../src/run/inputs.js';
import { NATIVE_FLAGS } from '../../src/run/native.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type TensorSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { byteSize } from '../../src/tflite/verify.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';

/** An op input: `data` makes it a constant, `values` a graph input, neither random graph-input bytes. */
export interface CaseInput extends TensorSpec {
  values?: readonly number[];
}

export interface NativeCase {
  label: string;
  /** The .tflite model. */
  bytes: Uint8Array;
  /** Bytes of each graph input, in order. */
  inputs: Uint8Array[];
  /** Expected outputs where the interpreter refuses the inputs (C-only behaviour); else the interpreter's. */
  expected?: Uint8Array[];
}

export interface CaseResult {
  label: string;
  expected: Uint8Array[];
  got: Uint8Array[];
  /** The generated model C, to check which kernel path an op took. */
  source: string;
}

const rnd = seededRandom(77);

function randomBytes(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
}

/** A one-op model: inputs without `data` become graph inputs (given or random values), null is omitted. */
export function opCase(
  label: string,
  opcode: string,
  inputs: (CaseInput | null)[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): NativeCase {
  const mb = new ModelBuilder();
  const bytes: Uint8Array[] = [];
  const ins = inputs.map((spec) => {
    if (!spec) return -1;
    const { values, ...rest } = spec;
    if (rest.data) return mb.addTensor(rest);
    bytes.push(values ? encodeValues(rest.dtype, values) : randomBytes(byteSize(rest.dtype, rest.shape)));
    return mb.addInput(rest);
  });
  const outs = outputs.map((spec) => mb.addTensor(spec));
  mb.addOperator(opcode, ins, outs, options);
  mb.markOutputs(...outs);
  return { label, bytes: mb.build(), inputs: bytes };
}

/** Random bytes for every graph input of a model built by hand. */
export function modelCase(label: string, mb: ModelBuilder, inputSizes: number[]): NativeCase {
  return { label, bytes: mb.build(), inputs: inputSizes.map(randomBytes) };
}

const io = (kind: string, sizes: number[]) =>
  sizes.map((n, i) => `    static uint8_t ${kind}${i}[${Math.max(1, n)}] __attribute__((aligned(16)));`);

function caseMain(name: string, ins: number[], outs: number[]): string {
  const list = (kind: string, n: number) =>
    Array.from({ length: Math.max(1, n) }, (_, i) => (i < n ? `${kind}${i}` : '0'));
  return `  {
${[...io('in', ins), ...io('out', outs)].join('\n')}
    const void *ins[${Math.max(1, ins.length)}] = {${list('in', ins.length).join(', ')}};
    void *outs[${Math.max(1, outs.length)}] = {${list('out', outs.length).join(', ')}};
${ins.map((n, i) => `    if (fread(in${i}, 1, ${n}, stdin) != ${n}u) return 2;`).join('\n')}
    if (${name}_init_static() != 0 || ${name}_invoke(ins, outs) != 0) return 3;
${outs.map((n, i) => `    fwrite(out${i}, 1, ${n}, stdout);`).join('\n')}
  }`;
}

interface Built {
  name: string;
  expected: Uint8Array[];
  sources: string[];
  runtime: string[];
  source: string;
  main: string;
}

function interpret(graph: Graph, inputs: Uint8Array[]): Uint8Array[] {
  const interp = new Interpreter(graph);
  inputs.forEach((b, i) => {
    interp.setInput(i, b);
  });
  interp.invoke();
  return graph.outputs.map((_, i) => Uint8Array.from(interp.output(i)));
}

function buildCase(c: NativeCase, dir: string, name: string): Built {
  const graph = buildGraph(readModel(c.bytes));
  const expected = c.expected ?? interpret(graph, c.inputs);
  const path = join(dir, `${name}.tflite`);
  writeFileSync(path, c.bytes);
  const loaded = { path, bytes: c.bytes, model: graph.model, graph };
  const out = join(dir, name);
  const compiled = compileModel(loaded, out, { name, staticBuffers: true });
  const ins = graph.inputs.map((t) => graph.tensors[t].bytes);
  return {
    name,
    expected,
    sources: [join(out, 'src', `${name}.c`)],
    runtime: compiled.generated.runtimeSources,
    source: readFileSync(join(out, 'src', `${name}.c`), 'utf8'),
    main: caseMain(
      name,
      ins,
      expected.map((e) => e.byteLength),
    ),
  };
}

/** Runs every case through the interpreter and one linked host binary of their generated C. */
export async function runBoth(cases: NativeCase[]): Promise<CaseResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-shape-c-'));
  const built = cases.map((c, i) => buildCase(c, dir, `m${i}`));
  const main = `#include <stdio.h>\n#include <stdint.h>\n${built.map((b) => `#include "${b.name}.h"`).join('\n')}
int main(void) {\n${built.map((b) => b.main).join('\n')}\n  return 0;\n}\n`;
  writeFileSync(join(dir, 'main.c'), main);
  const runtime = [...new Set(built.flatMap((b) => b.runtime))].map((s) => join(runtimeDir(), s));
  const exe = await buildHostExecutable({
    sources: [join(dir, 'main.c'), ...built.flatMap((b) => b.sources), ...runtime],
    includeDirs: [...built.map((b) => join(dir, b.name, 'include')), runtimeDir()],
    flags: NATIVE_FLAGS,
    name: 'shape-group',
  });
  const output = execFileSync(exe, {
    input: Buffer.concat(cases.flatMap((c) => c.inputs)),
    maxBuffer: 1 << 26,
  });
  let at = 0;
  return built.map((b, i) => {
    const got = b.expected.map((e) => {
      const slice = Uint8Array.from(output.subarray(at, at + e.byteLength));
      at += e.byteLength;
      return slice;
    });
    return { label: cases[i].label, expected: b.expected, got, source: b.source };
  });
}

/** Labels of the cases whose C outputs differ from the interpreter's (expect it to be empty). */
export function mismatches(results: CaseResult[]): string[] {
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
  return results.filter((r) => r.expected.some((e, i) => !same(e, r.got[i]))).map((r) => r.label);
}

/** Which kernel call the generated C of a case makes (e.g. 'tf_strided_copy'). */
export function kernelCalls(r: CaseResult): string[] {
  const invoke = r.source.slice(r.source.indexOf('_invoke(const void'));
  return [...invoke.matchAll(/\b(tf_[a-z0-9_]+|memcpy|memset)\(/g)].map((m) => m[1]);
}
