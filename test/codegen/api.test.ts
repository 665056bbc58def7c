/**
 * The generated C API: two models linked into one host binary (prefixed names, one shared
 * scratch buffer), return codes, alignment checks and static buffers — outputs byte-identical
 * to the TS interpreter.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/codegen/compile.js';
import { loadModel } from '../../src/graph/load.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { NATIVE_FLAGS } from '../../src/run/native.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';
import { REPO_ROOT } from '../support/shared.js';
import { hostCcAvailable } from '../support/toolchains.js';

const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');
const SINE_FLOAT = join(REPO_ROOT, 'examples/sine/sine_float.tflite');

const MAIN = `#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include "a.h"
#include "b.h"

static uint8_t pool[1 << 16] __attribute__((aligned(64)));

int main(void) {
  a_memory_t ma; b_memory_t mb;
  a_memory(&ma); b_memory(&mb);
  size_t scratch = ma.scratch_bytes > mb.scratch_bytes ? ma.scratch_bytes : mb.scratch_bytes;
  uint8_t *p = pool;
  a_buffers_t ba = {p, p + 4096, p + 8192};
  b_buffers_t bb = {p + 12288, p + 4096, p + 16384}; /* scratch shared with model a */
  int8_t in_a = 42; int8_t out_a = 0;
  float in_b = 1.25f; float out_b = 0;
  const void *ia[1] = {&in_a}; void *oa[1] = {&out_a};
  const void *ib[1] = {&in_b}; void *ob[1] = {&out_b};
  printf("not-initialized %d\\n", a_invoke(ia, oa));
  printf("null-bufs %d\\n", a_init(NULL));
  a_buffers_t bad = {p + 1, p + 4096, p + 8192};
  printf("misaligned %d\\n", ma.activation_bytes ? a_init(&bad) : 2);
  printf("init %d %d\\n", a_init(&ba), b_init(&bb));
  printf("null-io %d\\n", a_invoke(ia, NULL));
  printf("invoke %d %d\\n", a_invoke(ia, oa), b_invoke(ib, ob));
  printf("out %d %.9g\\n", out_a, out_b);
  printf("sizes %zu %zu %zu %zu\\n", ma.activation_bytes, ma.alignment, scratch, ma.input_bytes);
  return 0;
}
`;

describe.skipIf(!hostCcAvailable)('generated C API', () => {
  it('links two models into one binary sharing scratch; return codes; outputs equal the interpreter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-api-'));
    const a = compileModel(loadModel(SINE), join(dir, 'a'), { name: 'a' });
    compileModel(loadModel(SINE_FLOAT), join(dir, 'b'), { name: 'b', staticBuffers: true });
    writeFileSync(join(dir, 'main.c'), MAIN);
    const runtime = new Set([
      ...a.cSources.filter((s) => s.startsWith('runtime/')).map((s) => join(dir, 'a', s)),
    ]);
    const exe = await buildHostExecutable({
      sources: [join(dir, 'main.c'), join(dir, 'a/src/a.c'), join(dir, 'b/src/b.c'), ...runtime],
      includeDirs: [join(dir, 'a/include'), join(dir, 'b/include'), join(dir, 'a/runtime')],
      flags: NATIVE_FLAGS,
      name: 'api-test',
    });
    const out = execFileSync(exe, { encoding: 'utf8' });
    expect(out).toMatch(/^not-initialized 3$/m);
    expect(out).toMatch(/^null-bufs 1$/m);
    expect(out).toMatch(/^misaligned 2$/m);
    expect(out).toMatch(/^init 0 0$/m);
    expect(out).toMatch(/^null-io 4$/m);
    expect(out).toMatch(/^invoke 0 0$/m);

    const ia = new Interpreter(loadModel(SINE).graph);
    ia.setInput(0, Int8Array.of(42) as unknown as Uint8Array);
    ia.invoke();
    const ib = new Interpreter(loadModel(SINE_FLOAT).graph);
    ib.setInput(0, new Uint8Array(Float32Array.of(1.25).buffer));
    ib.invoke();
    const expectedA = new Int8Array(ia.output(0).buffer)[0];
    const expectedB = new Float32Array(ib.output(0).buffer)[0];
    const [, outA, outB] = /^out (-?\d+) (\S+)$/m.exec(out)!;
    expect(Number(outA)).toBe(expectedA);
    expect(Math.fround(Number(outB))).toBe(expectedB);
    expect(out).toMatch(new RegExp(`^sizes ${a.memory.activationBytes} 16 0 1$`, 'm'));
  });

  it('header declares the memory figures and the weights section', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-api-'));
    const c = compileModel(loadModel(SINE), dir, { name: 'sine', weightsSection: '.model_weights' });
    expect(c.generated.header).toMatch(/#define SINE_ACTIVATION_BYTES \d+u/);
    expect(c.generated.header).toMatch(
      /int sine_invoke\(const void \*const inputs\[\], void \*const outputs\[\]\);/,
    );
    expect(c.generated.source).toMatch(/TF_SECTION\("\.model_weights"\)/);
    expect(c.generated.source).toMatch(
      /op 0: FULLY_CONNECTED \(int8\[1,1\], int8\[16,1\], int32\[16\]\) -> \(int8\[1,16\]\), 16 MACs/,
    );
  });
});

describe.skipIf(!hostCcAvailable)('host build cache', () => {
  it('a changed header in an include dir gives a new binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-cache-'));
    writeFileSync(join(dir, 'main.c'), '#include "v.h"\nint main(void) { return V; }\n');
    writeFileSync(join(dir, 'v.h'), '#define V 3\n');
    const opts = {
      sources: [join(dir, 'main.c')],
      includeDirs: [dir],
      flags: ['-std=c99'],
      name: 'cache-test',
    };
    const first = await buildHostExecutable(opts);
    writeFileSync(join(dir, 'v.h'), '#define V 4\n');
    const second = await buildHostExecutable(opts);
    expect(second).not.toBe(first);
    const status = (exe: string) => {
      try {
        execFileSync(exe);
        return 0;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    expect([status(first), status(second)]).toEqual([3, 4]);
  });
});
