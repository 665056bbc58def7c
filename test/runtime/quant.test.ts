/** runtime/quant.h behaves exactly like src/quant/fixed-point.ts on the same vectors. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INT32_MAX,
  INT32_MIN,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
  roundingDivideByPOT,
  saturatingRoundingDoublingHighMul,
} from '../../src/quant/fixed-point.js';
import { seededRandom } from '../../src/run/inputs.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';
import { REPO_ROOT } from '../support/shared.js';
import { hostCcAvailable } from '../support/toolchains.js';

const EDGES = [
  0,
  1,
  -1,
  2,
  -2,
  3,
  7,
  -7,
  255,
  -256,
  32767,
  -32768,
  65536,
  1 << 30,
  -(1 << 30),
  INT32_MAX,
  INT32_MIN,
  INT32_MAX - 1,
];

function vectors(): { a: number[]; b: number[]; shift: number[]; wide: bigint[] } {
  const rnd = seededRandom(99);
  const r32 = () => (Math.floor(rnd() * 2 ** 32) | 0) >> Math.floor(rnd() * 31);
  const a: number[] = [];
  const b: number[] = [];
  const shift: number[] = [];
  const wide: bigint[] = [];
  for (const x of EDGES)
    for (const y of EDGES) {
      a.push(x);
      b.push(y);
    }
  while (a.length < 4000) {
    a.push(r32());
    b.push(r32());
  }
  for (let i = 0; i < a.length; i++) {
    shift.push((i % 63) - 31);
    wide.push(BigInt(a[i]) * BigInt(1 + (i % 4096)));
  }
  return { a, b, shift, wide };
}

describe.skipIf(!hostCcAvailable)('runtime/quant.h equals src/quant', () => {
  it('srdhm, rdbpot, mbqm and the int64 variant agree on 4000 vectors incl. edges', async () => {
    const v = vectors();
    const n = v.a.length;
    const dir = mkdtempSync(join(tmpdir(), 'tf-quant-'));
    const src = join(dir, 'quant_vectors.c');
    writeFileSync(
      src,
      `#include <stdio.h>
#include "quant.h"
static const int32_t A[${n}] = {${v.a.map((x) => (x === INT32_MIN ? '-2147483647-1' : x)).join(',')}};
static const int32_t B[${n}] = {${v.b.map((x) => (x === INT32_MIN ? '-2147483647-1' : x)).join(',')}};
static const int S[${n}] = {${v.shift.join(',')}};
static const int64_t W[${n}] = {${v.wide.map((x) => `INT64_C(${x})`).join(',')}};
int main(void) {
  for (int i = 0; i < ${n}; ++i) {
    int32_t m = B[i] < 0 ? (B[i] == -2147483647-1 ? 2147483647 : -B[i]) : B[i];
    int e = (S[i] < 0 ? -S[i] : S[i]) % 32;
    int sh16 = S[i] < -31 ? -31 : (S[i] > 7 ? 7 : S[i]);
    printf("%d %d %d %d\\n", tf_srdhm(A[i], B[i]), tf_rdbpot(A[i], e), tf_mbqm(A[i], m, S[i] > 30 ? 30 : S[i]),
           tf_mbqm_int64(W[i] % (INT64_C(1) << 47), m, sh16));
  }
  return 0;
}
`,
    );
    const exe = await buildHostExecutable({
      sources: [src],
      includeDirs: [join(REPO_ROOT, 'runtime')],
      flags: ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror'],
      name: 'quant-vectors',
    });
    const lines = execFileSync(exe, { encoding: 'utf8', maxBuffer: 1 << 24 })
      .trim()
      .split('\n');
    expect(lines).toHaveLength(n);
    for (let i = 0; i < n; i++) {
      const m = v.b[i] < 0 ? (v.b[i] === INT32_MIN ? INT32_MAX : -v.b[i]) : v.b[i];
      const e = Math.abs(v.shift[i]) % 32;
      const sh16 = Math.min(7, Math.max(-31, v.shift[i]));
      const expected = [
        saturatingRoundingDoublingHighMul(v.a[i], v.b[i]),
        roundingDivideByPOT(v.a[i], e),
        multiplyByQuantizedMultiplier(v.a[i], m, Math.min(30, v.shift[i])),
        multiplyByQuantizedMultiplierInt64(v.wide[i] % (1n << 47n), m, sh16),
      ].join(' ');
      if (lines[i] !== expected) expect(`${i}: ${lines[i]}`).toBe(`${i}: ${expected}`);
    }
  });
});
