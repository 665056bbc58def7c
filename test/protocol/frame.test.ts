import { describe, expect, it } from 'vitest';
import {
  type DecodedItem,
  encodeFrame,
  encodeRawFrame,
  FRAME_OVERHEAD,
  FrameDecoder,
  isNoise,
  parseRawFrame,
  wrapRawFrame,
} from '../../src/protocol/frame.js';

const frameA = { type: 0x01, seq: 7, payload: Uint8Array.of(1, 0, 2) };
const frameB = { type: 0x85, seq: 0xfffe, payload: Uint8Array.from({ length: 600 }, (_, i) => i % 3) };

function frames(items: DecodedItem[]) {
  return items.flatMap((item) => (item.kind === 'frame' ? [item.frame] : []));
}

function reasons(items: DecodedItem[]) {
  return items.flatMap((item) => (item.kind === 'corrupt' ? [item.reason] : []));
}

describe('frame encoding', () => {
  it('lays out type, seq, length, payload and CRC little-endian', () => {
    const raw = encodeRawFrame({ type: 0x02, seq: 0x1234, payload: Uint8Array.of(0xaa) });
    expect(Array.from(raw.subarray(0, 6))).toEqual([0x02, 0x34, 0x12, 0x01, 0x00, 0xaa]);
    expect(raw.length).toBe(FRAME_OVERHEAD + 1);
    expect(parseRawFrame(raw)).toEqual({ type: 0x02, seq: 0x1234, payload: Uint8Array.of(0xaa) });
  });

  it('puts a delimiter on both sides and none inside', () => {
    const wire = encodeFrame(frameA);
    expect(wire[0]).toBe(0);
    expect(wire[wire.length - 1]).toBe(0);
    expect(wire.subarray(1, -1).includes(0)).toBe(false);
  });
});

describe('FrameDecoder', () => {
  it('decodes frames split at every byte boundary', () => {
    const wire = Uint8Array.of(...encodeFrame(frameA), ...encodeFrame(frameB));
    const decoder = new FrameDecoder();
    const items = Array.from(wire).flatMap((b) => decoder.push(Uint8Array.of(b)));
    expect(frames(items)).toEqual([frameA, frameB]);
    expect(reasons(items)).toEqual([]);
  });

  it('resynchronises after garbage and reports it as noise', () => {
    const garbage = new TextEncoder().encode('boot: hello world\r\n');
    const wire = Uint8Array.of(...garbage, ...encodeFrame(frameA), 0x13, 0x37, ...encodeFrame(frameB));
    const items = new FrameDecoder().push(wire);
    expect(frames(items)).toEqual([frameA, frameB]);
    expect(reasons(items)).toHaveLength(2);
    expect(reasons(items).every(isNoise)).toBe(true);
  });

  it('reports a flipped bit as bad-crc and a lost byte as length-mismatch', () => {
    const raw = encodeRawFrame(frameB);
    const flipped = raw.slice();
    flipped[100] = flipped[100]! ^ 0x04;
    const cut = Uint8Array.of(...raw.subarray(0, 50), ...raw.subarray(51));
    const decoder = new FrameDecoder();
    const items = decoder.push(
      Uint8Array.of(...wrapRawFrame(flipped), ...wrapRawFrame(cut), ...encodeFrame(frameA)),
    );
    expect(reasons(items)).toEqual(['bad-crc', 'length-mismatch']);
    expect(frames(items)).toEqual([frameA]);
  });

  it('reports bad COBS and runts', () => {
    const items = new FrameDecoder().push(Uint8Array.of(0, 9, 1, 2, 0, 3, 1, 2, 0));
    expect(reasons(items)).toEqual(['bad-cobs', 'too-short']);
  });

  it('discards an oversize run up to the next delimiter, keeping a sample', () => {
    const decoder = new FrameDecoder(100);
    const flood = new Uint8Array(5000).fill(0x41);
    const items = [...decoder.push(flood), ...decoder.push(Uint8Array.of(...encodeFrame(frameA)))];
    expect(items[0]).toMatchObject({ kind: 'corrupt', reason: 'oversize', size: 5000 });
    expect((items[0] as { sample: Uint8Array }).sample.length).toBe(64);
    expect(frames(items)).toEqual([frameA]);
  });

  it('rejects a length field above its limit as oversize', () => {
    const wire = encodeFrame({ type: 1, seq: 1, payload: new Uint8Array(40) });
    expect(reasons(new FrameDecoder(32).push(wire))).toEqual(['oversize']);
  });
});
