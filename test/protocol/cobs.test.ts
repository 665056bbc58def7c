import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../../src/errors.js';
import { cobsDecode, cobsEncode, cobsMaxEncodedLength, tryCobsDecode } from '../../src/protocol/cobs.js';

function filled(length: number, value: (i: number) => number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => value(i));
}

function roundTrip(data: Uint8Array): Uint8Array {
  const encoded = cobsEncode(data);
  expect(encoded.includes(0)).toBe(false);
  expect(encoded.length).toBeLessThanOrEqual(cobsMaxEncodedLength(data.length));
  return cobsDecode(encoded);
}

describe('COBS', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['one zero', Uint8Array.of(0)],
    ['only zeros', new Uint8Array(10)],
    ['zeros at both ends', Uint8Array.of(0, 1, 2, 0, 3, 0)],
    ['253 non-zero', filled(253, (i) => (i % 255) + 1)],
    ['254 non-zero', filled(254, (i) => (i % 255) + 1)],
    ['255 non-zero', filled(255, (i) => (i % 255) + 1)],
    ['254 non-zero then zero', filled(255, (i) => (i < 254 ? 7 : 0))],
    ['508 non-zero', filled(508, () => 0xff)],
    ['all byte values', filled(1024, (i) => i & 0xff)],
  ])('round-trips %s', (_name, data) => {
    expect(roundTrip(data)).toEqual(data);
  });

  it('matches the reference encodings', () => {
    expect(cobsEncode(Uint8Array.of(0))).toEqual(Uint8Array.of(1, 1));
    expect(cobsEncode(Uint8Array.of(0, 0))).toEqual(Uint8Array.of(1, 1, 1));
    expect(cobsEncode(Uint8Array.of(0x11, 0x22, 0, 0x33))).toEqual(Uint8Array.of(3, 0x11, 0x22, 2, 0x33));
    const run254 = filled(254, (i) => i + 1);
    expect(cobsEncode(run254)).toEqual(Uint8Array.of(0xff, ...run254));
    const run255 = filled(255, (i) => (i % 254) + 1);
    expect(cobsEncode(run255)).toEqual(Uint8Array.of(0xff, ...run255.subarray(0, 254), 2, run255[254]!));
  });

  it('rejects a code byte that points past the end, and embedded zeros', () => {
    expect(tryCobsDecode(Uint8Array.of(5, 1, 2))).toBeUndefined();
    expect(tryCobsDecode(Uint8Array.of(3, 1, 0))).toBeUndefined();
    expect(() => cobsDecode(Uint8Array.of(9))).toThrow(ProtocolError);
  });
});
