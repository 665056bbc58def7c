/** Seeded mutations of a byte buffer for reader fuzzing: flips, overwrites, truncations. */
import { seededRandom } from '../../src/run/inputs.js';

const INTERESTING_U32 = [
  0, 1, 2, 4, 8, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0,
];

export interface Mutation {
  /** The bytes to parse (a view; valid until the next mutation). */
  bytes: Uint8Array;
  /** Restores the original bytes. */
  undo(): void;
  describe: string;
}

/**
 * Mutates `work` in place (a private copy of the model) and returns how to undo it, so a
 * megabyte model is not copied 20,000 times.
 */
export function mutate(work: Uint8Array, rnd: () => number): Mutation {
  const n = work.byteLength;
  const pick = (k: number) => Math.floor(rnd() * k);
  // Offsets in a flatbuffer cluster at the start (root, vtables, tables): bias towards them.
  const pos = () => (rnd() < 0.7 ? pick(Math.min(n, 4096)) : pick(n));
  const kind = pick(6);
  if (kind === 0) return { bytes: work.subarray(0, pick(n)), undo: () => {}, describe: 'truncate' };
  const saved: [number, number][] = [];
  const set = (i: number, v: number) => {
    if (i < 0 || i >= n) return;
    saved.push([i, work[i]]);
    work[i] = v & 0xff;
  };
  let describe = '';
  if (kind === 1) {
    const i = pos();
    set(i, work[i] ^ (1 << pick(8)));
    describe = `bit flip at ${i}`;
  } else if (kind === 2) {
    const i = pos() & ~3;
    const v = INTERESTING_U32[pick(INTERESTING_U32.length)];
    for (let k = 0; k < 4; k++) set(i + k, v >>> (8 * k));
    describe = `u32 ${v} at ${i}`;
  } else if (kind === 3) {
    const count = 1 + pick(16);
    for (let k = 0; k < count; k++) set(pos(), pick(256));
    describe = `${count} random bytes`;
  } else if (kind === 4) {
    const i = pos() & ~1;
    const v = pick(0x10000);
    set(i, v);
    set(i + 1, v >> 8);
    describe = `u16 ${v} at ${i}`;
  } else {
    const i = pos();
    const len = 1 + pick(64);
    for (let k = 0; k < len; k++) set(i + k, 0);
    describe = `zero ${len} bytes at ${i}`;
  }
  return {
    bytes: work,
    undo: () => {
      for (let k = saved.length - 1; k >= 0; k--) work[saved[k][0]] = saved[k][1];
    },
    describe,
  };
}

export { seededRandom };
