/**
 * runtime/quant.h behaves exactly like src/quant/fixed-point.ts: on edge sweeps and random
 * vectors against the TS, then (fixtures/quant_check.c) on millions of vectors against an
 * int64 reference in C, on the host and as firmware on every QEMU board (Arm codegen differs).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qemuBoards } from '../../src/platforms/common/boards.js';
import { buildFirmware } from '../../src/platforms/common/firmware-build.js';
import type { OptLevel } from '../../src/platforms/common/toolchain.js';
import { runQemu } from '../../src/qemu/run-qemu.js';
import {
  INT32_MAX,
  INT32_MIN,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierGreaterThanOne,
  multiplyByQuantizedMultiplierInt64,
  multiplyByQuantizedMultiplierSmallerThanOneExp,
  roundingDivideByPOT,
  saturatingRoundingDoublingHighMul,
} from '../../src/quant/fixed-point.js';
import { seededRandom } from '../../src/run/inputs.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';
import { HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir, UartReader } from '../platforms/fixtures/firmware.js';
import { REPO_ROOT } from '../support/shared.js';
import { hostCcAvailable } from '../support/toolchains.js';

/** The host build cache keys on the sources only: quant.h is a header. */
const QUANT_H_KEY = createHash('sha256')
  .update(readFileSync(join(REPO_ROOT, 'runtime/quant.h')))
  .digest('hex');

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
      keyExtra: QUANT_H_KEY,
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

  it('mbqm and its variants, srdhm, rdbpot and int64 agree on every shift x edge x x edge multiplier', async () => {
    const lines = await runSweep();
    expect(lines).toHaveLength(SWEEP_X.length * SWEEP_M.length);
    let k = 0;
    for (const [i, x] of SWEEP_X.entries())
      for (const [j, m] of SWEEP_M.entries()) {
        const expected = sweepLine(x, m, sweepWide(i, j, x)).join(' ');
        if (lines[k] !== expected) expect(`x=${x} m=${m}: ${lines[k]}`).toBe(`x=${x} m=${m}: ${expected}`);
        k++;
      }
  });

  it('quant.h equals the int64 reference on the edge sweep and 3,000,000 random vectors', async () => {
    const exe = await buildHostExecutable({
      sources: [CHECK_SOURCE],
      includeDirs: [join(REPO_ROOT, 'runtime')],
      flags: ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror'],
      name: 'quant-check',
      keyExtra: QUANT_H_KEY,
    });
    const out = execFileSync(exe, ['3000000'], { encoding: 'utf8' });
    expect(out).toMatch(/^quant-check \d+ 0\n$/);
  });
});

const CHECK_SOURCE = join(REPO_ROOT, 'test/runtime/fixtures/quant_check.c');
const SWEEP_X = [
  ...EDGES,
  127,
  -128,
  32768,
  -32769,
  (1 << 30) - 1,
  (1 << 30) + 1,
  -(1 << 30) - 1,
  0x55555555,
  -0x55555555,
  -INT32_MAX,
];
const SWEEP_M = [
  0,
  1,
  -1,
  2,
  3,
  0x7fff,
  0x8000,
  1 << 30,
  (1 << 30) + 1,
  0x4ccccccd,
  0x5a827999,
  0x7ffeffff,
  0x7fff0000,
  0x7fff8000,
  INT32_MAX - 1,
  INT32_MAX,
  -0x8001,
  -(1 << 30),
  INT32_MIN,
];
const SHIFTS = Array.from({ length: 63 }, (_, k) => k - 31);
const INT64_SHIFTS = SHIFTS.filter((s) => s <= 14);
const cInt = (x: number) => (x === INT32_MIN ? '(-2147483647-1)' : String(x));

function sweepWide(i: number, j: number, x: number): bigint {
  return BigInt(x) * BigInt(1 << (i % 17)) + BigInt(j);
}

/** srdhm; mbqm, right, smaller-than-one and greater-than-one per shift; rdbpot per exponent; int64 per shift. */
function sweepLine(x: number, m: number, wide: bigint): number[] {
  return [
    saturatingRoundingDoublingHighMul(x, m),
    ...SHIFTS.map((s) => multiplyByQuantizedMultiplier(x, m, s)),
    ...SHIFTS.filter((s) => s <= -2).map((s) => multiplyByQuantizedMultiplier(x, m, s)),
    ...SHIFTS.filter((s) => s <= 0).map((s) => multiplyByQuantizedMultiplierSmallerThanOneExp(x, m, s)),
    ...SHIFTS.filter((s) => s >= 0).map((s) => multiplyByQuantizedMultiplierGreaterThanOne(x, m, s)),
    ...SHIFTS.filter((s) => s >= 0).map((e) => roundingDivideByPOT(x, e)),
    ...INT64_SHIFTS.map((s) => multiplyByQuantizedMultiplierInt64(wide, m, s)),
  ];
}

async function runSweep(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-quant-sweep-'));
  const src = join(dir, 'quant_sweep.c');
  writeFileSync(
    src,
    `#include <stdio.h>
#include "quant.h"
static const int32_t X[] = {${SWEEP_X.map(cInt).join(',')}};
static const int32_t M[] = {${SWEEP_M.map(cInt).join(',')}};
#define P(v) printf(" %ld", (long)(v))
int main(void) {
  for (int i = 0; i < ${SWEEP_X.length}; ++i)
    for (int j = 0; j < ${SWEEP_M.length}; ++j) {
      const int32_t x = X[i], m = M[j];
      const int64_t wide = (int64_t)x * (1 << (i % 17)) + j;
      printf("%ld", (long)tf_srdhm(x, m));
      for (int s = -31; s <= 31; ++s) P(tf_mbqm(x, m, s));
      for (int s = -31; s <= -2; ++s) P(tf_mbqm_right(x, m, -s));
      for (int s = -31; s <= 0; ++s) P(tf_mbqm_smaller_than_one(x, m, s));
      for (int s = 0; s <= 31; ++s) P(tf_mbqm_greater_than_one(x, m, s));
      for (int e = 0; e <= 31; ++e) P(tf_rdbpot(x, e));
      for (int s = -31; s <= 14; ++s) P(tf_mbqm_int64(wide, m, s));
      printf("\\n");
    }
  return 0;
}
`,
  );
  const exe = await buildHostExecutable({
    sources: [src],
    includeDirs: [join(REPO_ROOT, 'runtime')],
    flags: ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror'],
    name: 'quant-sweep',
    keyExtra: QUANT_H_KEY,
  });
  return execFileSync(exe, { encoding: 'utf8', maxBuffer: 1 << 26 })
    .trim()
    .split('\n');
}

/** Random vectors per board: the M4 (the anchor core) gets the most. */
const FIRMWARE_RUNS: { board: string; opt: OptLevel; random: number }[] = [
  ...[...qemuBoards().keys()].map((board) => ({
    board,
    opt: 'O2' as OptLevel,
    random: board === 'mps2-an386' ? 1_000_000 : 200_000,
  })),
  { board: 'mps2-an386', opt: 'Os', random: 200_000 },
];

describe.skipIf(!HAVE_FIRMWARE_TOOLS)(`runtime/quant.h on Cortex-M under QEMU${SKIP_REASON}`, () => {
  it.each(FIRMWARE_RUNS.map((r) => [`${r.board} -${r.opt}, ${r.random} random vectors`, r] as const))(
    'equals the int64 reference on %s',
    async (_title, { board, opt, random }) => {
      const out = tempDir('quant-check');
      try {
        const build = await buildFirmware({
          board: qemuBoards().get(board)!,
          sources: [CHECK_SOURCE],
          includeDirs: [join(REPO_ROOT, 'runtime')],
          outDir: out.path,
          name: `quant-check-${board}-${opt}`,
          defines: { QUANT_CHECK_RANDOM: random },
          opt,
        });
        await using qemu = await runQemu({ board, elf: build.elf, timeoutMs: 60_000 });
        const uart = new UartReader(qemu.socket);
        const text = await uart.rest();
        expect(text).toMatch(/^quant-check \d+ 0\n$/);
        expect((await qemu.exit).code).toBe(0);
      } finally {
        out.remove();
      }
    },
    90_000,
  );
});
