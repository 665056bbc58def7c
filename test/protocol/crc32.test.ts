import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/protocol/crc32.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('matches the IEEE check value and known vectors', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(ascii('a'))).toBe(0xe8b7be43);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array(32))).toBe(0x190a55ad);
  });

  it('continues over split data', () => {
    const data = ascii('123456789');
    expect(crc32(data.subarray(4), crc32(data.subarray(0, 4)))).toBe(0xcbf43926);
  });
});
