/**
 * Frames (docs/protocol.md, section 1): type, seq, length, payload and CRC-32, COBS-encoded
 * between 0x00 delimiters. FrameDecoder turns an arbitrary byte stream back into frames and
 * reports whatever is not a valid frame instead of throwing, so one bad frame never costs more
 * than itself.
 */
import { ProtocolError } from '../errors.js';
import { cobsEncode, cobsMaxEncodedLength, tryCobsDecode } from './cobs.js';
import { crc32 } from './crc32.js';

export const FRAME_HEADER_BYTES = 5;
export const FRAME_CRC_BYTES = 4;
export const FRAME_OVERHEAD = FRAME_HEADER_BYTES + FRAME_CRC_BYTES;
/** The largest payload the 16-bit length field can carry. */
export const MAX_FRAME_PAYLOAD = 0xffff;
/** The `seq` of device errors about frames it could not attribute to a request. */
export const SEQ_NONE = 0xffff;

export interface Frame {
  type: number;
  seq: number;
  payload: Uint8Array;
}

/** Why a run of bytes between delimiters is not a frame, in the order the checks run. */
export type CorruptReason = 'oversize' | 'bad-cobs' | 'too-short' | 'length-mismatch' | 'bad-crc';

export interface CorruptData {
  reason: CorruptReason;
  /** Encoded bytes received (at most the first 64), for diagnostics. */
  sample: Uint8Array;
  /** Encoded bytes received in total. */
  size: number;
}

export type DecodedItem = { kind: 'frame'; frame: Frame } | ({ kind: 'corrupt' } & CorruptData);

/** Reasons that mean "not a frame at all" (line noise, boot text) rather than a damaged frame. */
export function isNoise(reason: CorruptReason): boolean {
  return reason === 'oversize' || reason === 'bad-cobs' || reason === 'too-short';
}

/** The frame before COBS: header, payload and CRC. */
export function encodeRawFrame(frame: Frame): Uint8Array {
  const { type, seq, payload } = frame;
  if (payload.length > MAX_FRAME_PAYLOAD) {
    throw new ProtocolError(
      `payload of ${payload.length} bytes exceeds the frame limit ${MAX_FRAME_PAYLOAD}`,
    );
  }
  const raw = new Uint8Array(FRAME_OVERHEAD + payload.length);
  const view = new DataView(raw.buffer);
  view.setUint8(0, type);
  view.setUint16(1, seq, true);
  view.setUint16(3, payload.length, true);
  raw.set(payload, FRAME_HEADER_BYTES);
  const body = FRAME_HEADER_BYTES + payload.length;
  view.setUint32(body, crc32(raw.subarray(0, body)), true);
  return raw;
}

/** Wire bytes of a raw frame: 0x00, COBS(raw), 0x00. */
export function wrapRawFrame(raw: Uint8Array): Uint8Array {
  const encoded = cobsEncode(raw);
  const wire = new Uint8Array(encoded.length + 2);
  wire.set(encoded, 1);
  return wire;
}

export function encodeFrame(frame: Frame): Uint8Array {
  return wrapRawFrame(encodeRawFrame(frame));
}

/** Checks a decoded (un-COBSed) frame; returns the frame or why it is corrupt. */
export function parseRawFrame(raw: Uint8Array, maxPayload = MAX_FRAME_PAYLOAD): Frame | CorruptReason {
  if (raw.length < FRAME_OVERHEAD) return 'too-short';
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const length = view.getUint16(3, true);
  if (length > maxPayload) return 'oversize';
  if (raw.length !== FRAME_OVERHEAD + length) return 'length-mismatch';
  const body = FRAME_HEADER_BYTES + length;
  if (crc32(raw.subarray(0, body)) !== view.getUint32(body, true)) return 'bad-crc';
  return { type: raw[0]!, seq: view.getUint16(1, true), payload: raw.slice(FRAME_HEADER_BYTES, body) };
}

const SAMPLE_BYTES = 64;

/** Incremental decoder: push chunks as they arrive, get back every item they complete. */
export class FrameDecoder {
  private readonly maxEncoded: number;
  private buf = new Uint8Array(256);
  private length = 0;
  private overflow = 0;

  constructor(private readonly maxPayload = MAX_FRAME_PAYLOAD) {
    this.maxEncoded = cobsMaxEncodedLength(FRAME_OVERHEAD + maxPayload);
  }

  /** Bytes received since the last delimiter: a device printing text shows up here. */
  get unfinished(): { size: number; sample: Uint8Array } {
    return {
      size: this.length + this.overflow,
      sample: this.buf.slice(0, Math.min(this.length, SAMPLE_BYTES)),
    };
  }

  push(chunk: Uint8Array): DecodedItem[] {
    const items: DecodedItem[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0, start);
      if (end === -1) {
        this.append(chunk.subarray(start));
        return items;
      }
      this.append(chunk.subarray(start, end));
      const item = this.finish();
      if (item) items.push(item);
      start = end + 1;
    }
  }

  private append(bytes: Uint8Array): void {
    const room = Math.min(bytes.length, this.maxEncoded - this.length);
    if (this.length + room > this.buf.length) {
      const grown = new Uint8Array(
        Math.min(this.maxEncoded, Math.max(this.buf.length * 2, this.length + room)),
      );
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    this.buf.set(bytes.subarray(0, room), this.length);
    this.length += room;
    this.overflow += bytes.length - room;
  }

  private finish(): DecodedItem | undefined {
    const encoded = this.buf.subarray(0, this.length);
    const size = this.length + this.overflow;
    const overflowed = this.overflow > 0;
    this.length = 0;
    this.overflow = 0;
    if (size === 0) return undefined;
    const corrupt = (reason: CorruptReason): DecodedItem => ({
      kind: 'corrupt',
      reason,
      sample: encoded.slice(0, SAMPLE_BYTES),
      size,
    });
    if (overflowed) return corrupt('oversize');
    const raw = tryCobsDecode(encoded);
    if (!raw) return corrupt('bad-cobs');
    const parsed = parseRawFrame(raw, this.maxPayload);
    return typeof parsed === 'string' ? corrupt(parsed) : { kind: 'frame', frame: parsed };
  }
}
