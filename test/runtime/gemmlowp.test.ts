/** runtime/gemmlowp.h behaves exactly like src/quant/gemmlowp.ts on the same vectors. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INT32_MAX, INT32_MIN } from '../../src/quant/fixed-point.js';
import {
  expOnNegativeValues,
  fixedLogistic,
  fixedTanh,
  getReciprocal,
  logisticInt16,
  logXForXGreaterThanOrEqualTo1,
  lutLookupInt16,
  oneMinusXOverOnePlusXForXIn01,
  oneOverOnePlusXForXIn01,
  roundingHalfSum,
  saturatingRoundingMultiplyByPOT,
  tanhInt16,
} from '../../src/quant/gemmlowp.js';
import { seededRandom } from '../../src/run/inputs.js';
import { buildHostExecutable } from '../../src/toolchain/host-cc.js';
import { REPO_ROOT } from '../support/shared.js';
import { hostCcAvailable } from '../support/toolchains.js';

const EDGES = [0, 1, -1, 2, -2, 127, -128, 32767, -32768, 1 << 19, 1 << 29, -(1 << 29), INT32_MAX, INT32_MIN];
const N = 4000;
const LOG_INPUT_BITS = [12, 5, 20];

interface Vectors {
  a: number[];
  b: number[];
  s: number[];
  lut: number[];
}

function vectors(): Vectors {
  const rnd = seededRandom(7);
  const r32 = () => (Math.floor(rnd() * 2 ** 32) | 0) >> Math.floor(rnd() * 31);
  const v: Vectors = { a: [], b: [], s: [], lut: [] };
  for (const x of EDGES)
    for (const y of EDGES) {
      v.a.push(x);
      v.b.push(y);
    }
  while (v.a.length < N) {
    v.a.push(r32());
    v.b.push(r32());
  }
  for (let i = 0; i < N; i++) v.s.push((i % 63) - 31);
  let level = 0;
  for (let i = 0; i < 513; i++) {
    level = Math.min(32767, Math.max(-32768, level + Math.floor(rnd() * 1200) - 500));
    v.lut.push(level);
  }
  return v;
}

const neg = (x: number): number => -x | 0;

/** The operands each line uses, derived identically in C and TS. */
function operands(v: Vectors, i: number) {
  const a = v.a[i];
  const intBits = i % 7;
  const logBits = LOG_INPUT_BITS[i % 3];
  const mult16 = i % 4 === 0 ? 0 : v.b[i] & 0x7fff;
  return {
    a,
    intBits,
    negative: a > 0 ? neg(a) : a,
    unit: a & INT32_MAX,
    logBits,
    logX: (a & INT32_MAX) | (1 << (31 - logBits)),
    x16: (a << 16) >> 16,
    mult16,
    shift16: mult16 === 0 ? i % 13 : Math.abs(v.s[i]) % 32,
  };
}

function expectedLine(v: Vectors, i: number): string {
  const o = operands(v, i);
  const recip = getReciprocal(o.unit, 12);
  return [
    saturatingRoundingMultiplyByPOT(o.a, v.s[i]),
    roundingHalfSum(o.a, v.b[i]),
    expOnNegativeValues(o.negative, o.intBits),
    fixedTanh(o.a, o.intBits),
    fixedLogistic(o.a, o.intBits),
    oneOverOnePlusXForXIn01(o.unit),
    oneMinusXOverOnePlusXForXIn01(o.unit),
    recip.raw,
    recip.numBitsOverUnit,
    logXForXGreaterThanOrEqualTo1(o.logX, 5, o.logBits),
    lutLookupInt16(o.x16, v.lut),
    logisticInt16(o.x16, o.mult16, o.shift16),
    tanhInt16(o.x16, o.mult16, o.shift16),
  ].join(' ');
}

const cInt32 = (x: number): string => (x === INT32_MIN ? '(-2147483647-1)' : String(x));

function program(v: Vectors): string {
  return `#include <stdio.h>
#include "gemmlowp.h"
static const int32_t A[${N}] = {${v.a.map(cInt32).join(',')}};
static const int32_t B[${N}] = {${v.b.map(cInt32).join(',')}};
static const int S[${N}] = {${v.s.join(',')}};
static const int16_t LUT[513] = {${v.lut.join(',')}};
static const int LOG_BITS[3] = {${LOG_INPUT_BITS.join(',')}};
int main(void) {
  for (int i = 0; i < ${N}; ++i) {
    const int32_t a = A[i];
    const int int_bits = i % 7;
    const int32_t negative = a > 0 ? tf_gl_neg(a) : a;
    const int32_t unit = a & TF_INT32_MAX;
    const int log_bits = LOG_BITS[i % 3];
    const int32_t log_x = (a & TF_INT32_MAX) | ((int32_t)1 << (31 - log_bits));
    const int32_t x16 = (int16_t)a;
    const int32_t mult16 = i % 4 == 0 ? 0 : (B[i] & 0x7fff);
    const int shift16 = mult16 == 0 ? i % 13 : (S[i] < 0 ? -S[i] : S[i]) % 32;
    int bits = 0;
    const int32_t recip = tf_gl_get_reciprocal(unit, 12, &bits);
    printf("%d %d %d %d %d %d %d %d %d %d %d %d %d\\n", tf_gl_srmbpot(a, S[i]), tf_gl_rounding_half_sum(a, B[i]),
           tf_gl_exp_on_negative_values(negative, int_bits), tf_gl_tanh(a, int_bits), tf_gl_logistic(a, int_bits),
           tf_gl_one_over_one_plus_x(unit), tf_gl_one_minus_x_over_one_plus_x(unit), recip, bits,
           tf_gl_log_x_ge_1(log_x, 5, log_bits), tf_gl_lut_lookup_s16(x16, LUT),
           tf_gl_logistic_s16(x16, mult16, shift16), tf_gl_tanh_s16(x16, mult16, shift16));
  }
  return 0;
}
`;
}

describe.skipIf(!hostCcAvailable)('runtime/gemmlowp.h equals src/quant/gemmlowp.ts', () => {
  it('exp, tanh, logistic, reciprocal, log, LUT and int16 sigmoid agree on 4000 vectors incl. edges', async () => {
    const v = vectors();
    const dir = mkdtempSync(join(tmpdir(), 'tf-gemmlowp-'));
    const src = join(dir, 'gemmlowp_vectors.c');
    writeFileSync(src, program(v));
    const exe = await buildHostExecutable({
      sources: [src],
      includeDirs: [join(REPO_ROOT, 'runtime')],
      flags: ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror'],
      name: 'gemmlowp-vectors',
    });
    const lines = execFileSync(exe, { encoding: 'utf8', maxBuffer: 1 << 24 })
      .trim()
      .split('\n');
    expect(lines).toHaveLength(N);
    for (let i = 0; i < N; i++) {
      const expected = expectedLine(v, i);
      if (lines[i] !== expected) expect(`${i}: ${lines[i]}`).toBe(`${i}: ${expected}`);
    }
  });
});
