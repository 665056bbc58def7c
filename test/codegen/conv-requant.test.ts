/**
 * tf_conv_requant (runtime/kernels/conv_common.h) folds TFLM's two roundings into one shift for
 * right shifts of 2 or more: it must equal tf_mbqm + offset + clamp for every input. Checked
 * in C against quant.h over every shift, edge multipliers (0, 2^30, 2^31 - 1) and accumulators
 * (INT32_MIN/MAX, rounding ties), plus a seeded random sweep.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeDir } from '../../src/codegen/compile.js';
import { compileHostC } from '../support/c-build.js';
import { hostCcAvailable } from '../support/toolchains.js';

const CHECK = String.raw`
#include <stdio.h>
#include "kernels/conv_common.h"
static uint32_t s = 2463534242u;
static uint32_t next(void) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; return s; }
static long bad, n;
static void check(int32_t acc, int32_t m, int32_t shift) {
  const int32_t want = tf_clamp(tf_mbqm(acc, m, shift) + 3, -100000000, 100000000);
  const int32_t got = tf_conv_requant(acc, m, shift, 3, -100000000, 100000000);
  n++;
  if (want != got && bad++ < 5) printf("acc %d m %d shift %d: %d != %d\n", acc, m, shift, got, want);
}
int main(void) {
  const int32_t ms[] = {0, 1, 1 << 29, (1 << 30) - 1, 1 << 30, (1 << 30) + 1, 0x7fff0000, 0x7fffffff};
  const int32_t accs[] = {0, 1, -1, 2, -2, 127, -128, 0x7fffffff, -0x7fffffff - 1, 1 << 30, -(1 << 30)};
  for (int32_t shift = -31; shift <= 7; ++shift) {
    for (int i = 0; i < 8; ++i) {
      for (int j = 0; j < 11; ++j) check(accs[j], ms[i], shift);
      /* Every accumulator near zero: the rounding ties of both steps. */
      for (int32_t acc = -5000; acc <= 5000; ++acc) check(acc, ms[i], shift);
    }
    for (int k = 0; k < 20000; ++k) {
      const int32_t m = (int32_t)((next() >> 1) | 0x40000000u);
      const int32_t acc = (int32_t)next() >> (next() % 32);
      check(acc, m, shift);
    }
  }
  printf("%ld mismatches of %ld\n", bad, n);
  return 0;
}
`;

describe.skipIf(!hostCcAvailable)('tf_conv_requant', () => {
  it('equals tf_mbqm + offset + clamp', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tf-conv-requant-'));
    const source = join(dir, 'check.c');
    writeFileSync(source, CHECK);
    const exe = await compileHostC({
      sources: [source, join(runtimeDir(), 'kernels', 'conv_common.c')],
      includeDirs: [runtimeDir()],
      flags: ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror'],
      out: 'conv-requant-check',
    });
    const out = execFileSync(exe, { encoding: 'utf8' });
    expect(out).toMatch(/^0 mismatches of \d+/m);
  });
});
