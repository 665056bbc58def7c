/** The INFO response (docs/protocol.md, "0x02 INFO"): identity and I/O tensor specs, paged. */
import { ByteReader, ByteWriter } from './byte-io.js';

export const MODEL_HASH_BYTES = 8;

export interface TensorSpec {
  name: string;
  /** TFLite TensorType code, e.g. 9 = int8. */
  dtype: number;
  shape: number[];
  scale: number;
  zeroPoint: number;
  byteSize: number;
}

/** One INFO response: `tensors` are the specs with global indices first .. first+length-1. */
export interface InfoPage {
  protocolVersion: number;
  maxPayload: number;
  modelHash: Uint8Array;
  nInputs: number;
  nOutputs: number;
  first: number;
  runtimeVersion: string;
  boardName: string;
  modelName: string;
  tensors: TensorSpec[];
}

function writeSpec(w: ByteWriter, t: TensorSpec): void {
  w.str(t.name).u8(t.dtype).u8(t.shape.length);
  for (const d of t.shape) w.i32(d);
  w.f32(t.scale).i32(t.zeroPoint).u32(t.byteSize);
}

function readSpec(r: ByteReader): TensorSpec {
  const name = r.str();
  const dtype = r.u8();
  const rank = r.u8();
  const shape = Array.from({ length: rank }, () => r.i32());
  return { name, dtype, shape, scale: r.f32(), zeroPoint: r.i32(), byteSize: r.u32() };
}

export function encodeInfoReply(m: InfoPage): Uint8Array {
  const w = new ByteWriter().u16(m.protocolVersion).u16(m.maxPayload).bytes(m.modelHash);
  w.u8(m.nInputs).u8(m.nOutputs).u8(m.first).u8(m.tensors.length);
  w.str(m.runtimeVersion).str(m.boardName).str(m.modelName);
  for (const t of m.tensors) writeSpec(w, t);
  return w.finish();
}

export function decodeInfoReply(payload: Uint8Array): InfoPage {
  const r = new ByteReader(payload, 'INFO response');
  const protocolVersion = r.u16();
  const maxPayload = r.u16();
  const modelHash = r.bytes(MODEL_HASH_BYTES);
  const nInputs = r.u8();
  const nOutputs = r.u8();
  const first = r.u8();
  const count = r.u8();
  const runtimeVersion = r.str();
  const boardName = r.str();
  const modelName = r.str();
  const tensors = Array.from({ length: count }, () => readSpec(r));
  r.end();
  return {
    protocolVersion,
    maxPayload,
    modelHash,
    nInputs,
    nOutputs,
    first,
    runtimeVersion,
    boardName,
    modelName,
    tensors,
  };
}
