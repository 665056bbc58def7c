/** Little-endian field readers and writers for message payloads (docs/protocol.md). */
import { ProtocolError } from '../errors.js';

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export class ByteWriter {
  private buf = new Uint8Array(64);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  /** Call before touching buf/view: growing replaces both. */
  private reserve(n: number): number {
    if (this.pos + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
      grown.set(this.buf);
      this.buf = grown;
      this.view = new DataView(grown.buffer);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(v: number): this {
    const at = this.reserve(1);
    this.buf[at] = v;
    return this;
  }
  u16(v: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, v, true);
    return this;
  }
  u32(v: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, v, true);
    return this;
  }
  i32(v: number): this {
    const at = this.reserve(4);
    this.view.setInt32(at, v, true);
    return this;
  }
  f32(v: number): this {
    const at = this.reserve(4);
    this.view.setFloat32(at, v, true);
    return this;
  }
  u64(v: bigint): this {
    const at = this.reserve(8);
    this.view.setBigUint64(at, v, true);
    return this;
  }
  bytes(data: Uint8Array): this {
    const at = this.reserve(data.length);
    this.buf.set(data, at);
    return this;
  }
  /** A `str`: u8 byte count, then the bytes. */
  str(s: string): this {
    const data = textEncoder.encode(s);
    if (data.length > 255) throw new ProtocolError(`string longer than 255 bytes: ${s.slice(0, 40)}...`);
    return this.u8(data.length).bytes(data);
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** Reads fields in order; running past the end is a ProtocolError naming the message. */
export class ByteReader {
  private readonly view: DataView;
  private pos = 0;

  constructor(
    private readonly data: Uint8Array,
    private readonly what: string,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  private take(n: number): number {
    if (this.pos + n > this.data.length) {
      throw new ProtocolError(
        `${this.what}: payload of ${this.data.length} bytes ends before byte ${this.pos + n}`,
      );
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  get remaining(): number {
    return this.data.length - this.pos;
  }
  u8(): number {
    return this.data[this.take(1)]!;
  }
  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.take(4), true);
  }
  f32(): number {
    return this.view.getFloat32(this.take(4), true);
  }
  u64(): bigint {
    return this.view.getBigUint64(this.take(8), true);
  }
  bytes(n: number): Uint8Array {
    const at = this.take(n);
    return this.data.slice(at, at + n);
  }
  str(): string {
    return textDecoder.decode(this.bytes(this.u8()));
  }
  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }
  /** Messages have exact layouts: trailing bytes mean the two sides disagree. */
  end(): void {
    if (this.remaining !== 0) {
      throw new ProtocolError(`${this.what}: ${this.remaining} unexpected trailing byte(s)`);
    }
  }
}
