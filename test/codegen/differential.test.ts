/**
 * Differential test: hundreds of random valid models (random op chains, shapes and
 * quantization) through the TS interpreter and the generated C, byte for byte. All models are
 * linked into one host binary (prefixed names), so one compile covers them all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { C_EMITTERS } from '../../src/codegen/c/ops/registry.js';
import { compileModel, runtimeDir } from '../../src/codegen/compile.js';
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { findKernel } from '../../src/kernels/registry.js';
import { seededRandom } from '../../src/run/inputs.js';
import { NATIVE_FLAGS } from '../../src/run/native.js';
import { readModel } from '../../src/tflite/reader.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';
import { RANDOM_MODEL_OPS, randomModel } from '../support/random-models.js';
import { hostCcAvailable } from '../support/toolchains.js';

const MODELS = 300;

interface Case {
  name: string;
  ops: string[];
  input: Uint8Array;
  expected: Uint8Array;
  sources: string[];
}

function mainSource(cases: Case[]): string {
  const decls = cases.map((c) => `#include "${c.name}.h"`).join('\n');
  const runs = cases
    .map(
      (c) => `  {
    static uint8_t in[${c.input.byteLength}] __attribute__((aligned(16)));
    static uint8_t out[${c.expected.byteLength}] __attribute__((aligned(16)));
    const void *ins[1] = {in};
    void *outs[1] = {out};
    if (fread(in, 1, sizeof in, stdin) != sizeof in) return 2;
    if (${c.name}_init_static() != 0 || ${c.name}_invoke(ins, outs) != 0) return 3;
    fwrite(out, 1, sizeof out, stdout);
  }`,
    )
    .join('\n');
  return `#include <stdio.h>\n#include <stdint.h>\n${decls}\nint main(void) {\n${runs}\n  return 0;\n}\n`;
}

describe.skipIf(!hostCcAvailable)('differential: TS interpreter vs generated C on random models', () => {
  const allowed = new Set(
    RANDOM_MODEL_OPS.filter((op) => C_EMITTERS.has(op) || findKernel(op)?.alias === 'view'),
  );

  it(`${MODELS} random models agree byte for byte (ops: ${[...allowed].sort().join(' ')})`, async () => {
    const r = seededRandom(2024);
    const dir = mkdtempSync(join(tmpdir(), 'tf-diff-'));
    const cases: Case[] = [];
    for (let i = 0; cases.length < MODELS && i < MODELS * 3; i++) {
      const m = randomModel(r, allowed);
      const graph = buildGraph(readModel(m.bytes));
      let interp: Interpreter;
      try {
        interp = new Interpreter(graph);
      } catch {
        continue; // a random configuration TFLM would also refuse (e.g. a multiplier out of range)
      }
      const input = Uint8Array.from({ length: graph.tensors[graph.inputs[0]].bytes }, () =>
        Math.floor(r() * 256),
      );
      interp.setInput(0, input);
      interp.invoke();
      const name = `m${cases.length}`;
      const path = join(dir, `${name}.tflite`);
      writeFileSync(path, m.bytes);
      const c = compileModel({ path, bytes: m.bytes, model: graph.model, graph }, join(dir, name), {
        name,
        staticBuffers: true,
      });
      cases.push({
        name,
        ops: m.ops,
        input,
        expected: interp.output(0),
        sources: c.cSources.filter((s) => s.startsWith('src/')).map((s) => join(dir, name, s)),
      });
    }
    writeFileSync(join(dir, 'main.c'), mainSource(cases));
    const kernels = [...new Set([...C_EMITTERS.values()].flatMap((e) => e.sources({} as never)))].map((s) =>
      join(runtimeDir(), s),
    );
    const exe = await buildHostExecutable({
      sources: [join(dir, 'main.c'), ...cases.flatMap((c) => c.sources), ...kernels],
      includeDirs: [...cases.map((c) => join(dir, c.name, 'include')), runtimeDir()],
      // -O0: 300 models compile in one go; speed of the binary does not matter here.
      flags: [...NATIVE_FLAGS, '-O0', '-Wno-unused-function'],
      name: 'differential',
    });
    const input = Buffer.concat(cases.map((c) => c.input));
    const output = execFileSync(exe, { input, maxBuffer: 1 << 26 });
    let at = 0;
    const mismatches: string[] = [];
    for (const c of cases) {
      const got = output.subarray(at, at + c.expected.byteLength);
      at += c.expected.byteLength;
      if (!Buffer.from(c.expected).equals(got)) mismatches.push(`${c.name} [${c.ops.join(' → ')}]`);
    }
    expect(cases.length).toBeGreaterThanOrEqual(MODELS * 0.9);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
