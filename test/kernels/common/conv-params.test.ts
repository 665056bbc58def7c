import { describe, expect, it } from 'vitest';
import { unpackInt4 } from '../../../src/kernels/common/conv-params.js';

describe('unpackInt4', () => {
  it('sign-extends nibbles, low nibble first, ignoring a trailing high nibble', () => {
    const out = new Int8Array(5);
    unpackInt4(new Uint8Array([0x12, 0xf8, 0x97]), 5, out);
    expect([...out]).toEqual([2, 1, -8, -1, 7]);
  });
});
