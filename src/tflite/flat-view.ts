/**
 * A bounds-checked view of a flatbuffer. Every read checks that it stays inside the file and
 * every table's vtable is sane, so a corrupt file ends in a ModelFormatError naming the byte
 * offset instead of garbage or a RangeError.
 */
import { ModelFormatError } from '../errors.js';

const textDecoder = new TextDecoder('utf-8', { fatal: false });

export interface TableRef {
  pos: number;
  vtable: number;
  vtableBytes: number;
  tableBytes: number;
  what: string;
}

export class FlatView {
  readonly bytes: Uint8Array;
  private readonly dv: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.byteLength;
  }

  fail(message: string, offset: number): never {
    throw new ModelFormatError(message, `byte offset ${offset}`);
  }

  need(offset: number, size: number, what: string): void {
    if (!Number.isInteger(offset) || offset < 0 || size < 0 || offset + size > this.bytes.byteLength) {
      this.fail(
        `${what} lies outside the file (${size} bytes at ${offset}, file is ${this.bytes.byteLength} bytes)`,
        offset,
      );
    }
  }

  u8(o: number): number {
    this.need(o, 1, 'byte');
    return this.dv.getUint8(o);
  }
  i8(o: number): number {
    this.need(o, 1, 'byte');
    return this.dv.getInt8(o);
  }
  u16(o: number): number {
    this.need(o, 2, 'uint16');
    return this.dv.getUint16(o, true);
  }
  i32(o: number): number {
    this.need(o, 4, 'int32');
    return this.dv.getInt32(o, true);
  }
  u32(o: number): number {
    this.need(o, 4, 'uint32');
    return this.dv.getUint32(o, true);
  }
  f32(o: number): number {
    this.need(o, 4, 'float32');
    return this.dv.getFloat32(o, true);
  }
  i64(o: number): number {
    this.need(o, 8, 'int64');
    return Number(this.dv.getBigInt64(o, true));
  }
  u64(o: number): number {
    this.need(o, 8, 'uint64');
    return Number(this.dv.getBigUint64(o, true));
  }

  /** Follows a uoffset stored at `o` and returns the absolute position it points to. */
  deref(o: number, what: string): number {
    const target = o + this.u32(o);
    this.need(target, 4, what);
    return target;
  }

  /** Opens the table at `pos`, checking the vtable and the table's extent. */
  table(pos: number, what: string): TableRef {
    this.need(pos, 4, what);
    const vtable = pos - this.i32(pos);
    this.need(vtable, 4, `${what} vtable`);
    const vtableBytes = this.u16(vtable);
    const tableBytes = this.u16(vtable + 2);
    if (vtableBytes < 4 || vtableBytes % 2 !== 0)
      this.fail(`${what} has a bad vtable size ${vtableBytes}`, vtable);
    if (tableBytes < 4) this.fail(`${what} has a bad table size ${tableBytes}`, vtable);
    this.need(vtable, vtableBytes, `${what} vtable`);
    this.need(pos, tableBytes, what);
    return { pos, vtable, vtableBytes, tableBytes, what };
  }

  /** Absolute position of field `slot` of width `width`, or 0 when absent. */
  field(t: TableRef, slot: number, width: number): number {
    const entry = 4 + 2 * slot;
    if (entry + 2 > t.vtableBytes) return 0;
    const rel = this.u16(t.vtable + entry);
    if (rel === 0) return 0;
    if (rel < 4 || rel + width > t.tableBytes)
      this.fail(`${t.what} field ${slot} lies outside its table`, t.pos);
    return t.pos + rel;
  }

  scalarU8(t: TableRef, slot: number, dflt: number): number {
    const p = this.field(t, slot, 1);
    return p ? this.u8(p) : dflt;
  }
  scalarI8(t: TableRef, slot: number, dflt: number): number {
    const p = this.field(t, slot, 1);
    return p ? this.i8(p) : dflt;
  }
  scalarI32(t: TableRef, slot: number, dflt: number): number {
    const p = this.field(t, slot, 4);
    return p ? this.i32(p) : dflt;
  }
  scalarU32(t: TableRef, slot: number, dflt: number): number {
    const p = this.field(t, slot, 4);
    return p ? this.u32(p) : dflt;
  }
  scalarF32(t: TableRef, slot: number, dflt: number): number {
    const p = this.field(t, slot, 4);
    return p ? this.f32(p) : dflt;
  }
  scalarU64(t: TableRef, slot: number, dflt: number): number {
    const p = this.field(t, slot, 8);
    return p ? this.u64(p) : dflt;
  }
  bool(t: TableRef, slot: number, dflt: boolean): boolean {
    const p = this.field(t, slot, 1);
    return p ? this.u8(p) !== 0 : dflt;
  }

  /** Position of the child table referenced by field `slot`, or 0. */
  childTable(t: TableRef, slot: number, what: string): TableRef | null {
    const p = this.field(t, slot, 4);
    return p ? this.table(this.deref(p, what), what) : null;
  }

  /** A vector field: returns [first element position, length] or null when absent. */
  vector(t: TableRef, slot: number, elemBytes: number, what: string): [number, number] | null {
    const p = this.field(t, slot, 4);
    if (!p) return null;
    const v = this.deref(p, what);
    const n = this.u32(v);
    this.need(v + 4, n * elemBytes, what);
    return [v + 4, n];
  }

  string(t: TableRef, slot: number, what: string): string | null {
    const v = this.vector(t, slot, 1, what);
    if (!v) return null;
    return textDecoder.decode(this.bytes.subarray(v[0], v[0] + v[1]));
  }

  bytesField(t: TableRef, slot: number, what: string): Uint8Array | null {
    const v = this.vector(t, slot, 1, what);
    return v ? this.bytes.subarray(v[0], v[0] + v[1]) : null;
  }

  i32Vector(t: TableRef, slot: number, what: string): number[] | null {
    const v = this.vector(t, slot, 4, what);
    if (!v) return null;
    const out = new Array<number>(v[1]);
    for (let i = 0; i < v[1]; i++) out[i] = this.dv.getInt32(v[0] + 4 * i, true);
    return out;
  }

  f32Vector(t: TableRef, slot: number, what: string): number[] | null {
    const v = this.vector(t, slot, 4, what);
    if (!v) return null;
    const out = new Array<number>(v[1]);
    for (let i = 0; i < v[1]; i++) out[i] = this.dv.getFloat32(v[0] + 4 * i, true);
    return out;
  }

  i64Vector(t: TableRef, slot: number, what: string): number[] | null {
    const v = this.vector(t, slot, 8, what);
    if (!v) return null;
    const out = new Array<number>(v[1]);
    for (let i = 0; i < v[1]; i++) out[i] = Number(this.dv.getBigInt64(v[0] + 8 * i, true));
    return out;
  }

  /** A vector of tables, each opened and checked. */
  tables(t: TableRef, slot: number, what: string): TableRef[] {
    const v = this.vector(t, slot, 4, what);
    if (!v) return [];
    const out = new Array<TableRef>(v[1]);
    for (let i = 0; i < v[1]; i++) out[i] = this.table(this.deref(v[0] + 4 * i, what), `${what}[${i}]`);
    return out;
  }
}
