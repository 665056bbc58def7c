/**
 * Tensor memory for one interpreter: every tensor's bytes, with typed views. Constants are
 * copied to aligned memory once; activations live either in their own buffers or at planned
 * offsets inside one shared arena (so a wrong plan shows up as wrong outputs).
 */
import type { Graph } from '../graph/graph.js';

export interface Placement {
  /** The shared arena and each tensor's byte offset in it (-1: give the tensor its own buffer). */
  arena: ArrayBuffer;
  offsets: number[];
}

export class TensorStore {
  private readonly raw: Uint8Array[];
  private readonly views = new Map<string, ArrayBufferView>();

  constructor(graph: Graph, placement?: Placement) {
    this.raw = graph.tensors.map((t) => {
      const off = placement?.offsets[t.index] ?? -1;
      if (t.data) {
        const copy = new Uint8Array(new ArrayBuffer(alignUp(t.data.byteLength, 8)), 0, t.data.byteLength);
        copy.set(t.data);
        return copy;
      }
      if (placement && off >= 0) return new Uint8Array(placement.arena, off, t.bytes);
      return new Uint8Array(new ArrayBuffer(alignUp(t.bytes, 8)), 0, t.bytes);
    });
  }

  bytes(t: number): Uint8Array {
    return this.raw[t];
  }

  private view<T extends ArrayBufferView>(t: number, kind: string, make: (b: Uint8Array) => T): T {
    const key = `${kind}${t}`;
    let v = this.views.get(key) as T | undefined;
    if (!v) {
      v = make(this.raw[t]);
      this.views.set(key, v);
    }
    return v;
  }

  i8(t: number): Int8Array {
    return this.view(t, 'i8', (b) => new Int8Array(b.buffer, b.byteOffset, b.byteLength));
  }
  u8(t: number): Uint8Array {
    return this.raw[t];
  }
  i16(t: number): Int16Array {
    return this.view(t, 'i16', (b) => new Int16Array(b.buffer, b.byteOffset, b.byteLength >> 1));
  }
  i32(t: number): Int32Array {
    return this.view(t, 'i32', (b) => new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2));
  }
  f32(t: number): Float32Array {
    return this.view(t, 'f32', (b) => new Float32Array(b.buffer, b.byteOffset, b.byteLength >> 2));
  }
  i64(t: number): BigInt64Array {
    return this.view(t, 'i64', (b) => new BigInt64Array(b.buffer, b.byteOffset, b.byteLength >> 3));
  }
}

export function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}
