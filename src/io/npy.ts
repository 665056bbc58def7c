/** NumPy .npy / .npz reading and writing (little-endian, C order), enough for model I/O. */
import { unzipSync, zipSync } from 'fflate';
import { DataFormatError } from '../errors.js';
import type { DType } from '../tflite/schema.js';

export interface NdArray {
  dtype: DType;
  shape: number[];
  /** Raw little-endian bytes, C order. */
  data: Uint8Array;
}

const DESCR_TO_DTYPE: Record<string, DType> = {
  '<f4': 'float32',
  '<f8': 'float64',
  '<f2': 'float16',
  '|i1': 'int8',
  '|u1': 'uint8',
  '<i2': 'int16',
  '<u2': 'uint16',
  '<i4': 'int32',
  '<u4': 'uint32',
  '<i8': 'int64',
  '<u8': 'uint64',
  '|b1': 'bool',
};
const DTYPE_TO_DESCR = Object.fromEntries(Object.entries(DESCR_TO_DTYPE).map(([k, v]) => [v, k])) as Record<
  DType,
  string
>;
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

export function parseNpy(bytes: Uint8Array, what = '.npy data'): NdArray {
  if (bytes.byteLength < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DataFormatError(
      `${what} is not a NumPy .npy array (bad magic)`,
      'save arrays with numpy.save / numpy.savez',
    );
  }
  const major = bytes[6];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLen > bytes.byteLength) throw new DataFormatError(`${what}: header runs past the end`);
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*True/.test(header);
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || shapeText === undefined) throw new DataFormatError(`${what}: unreadable .npy header`);
  const dtype = DESCR_TO_DTYPE[descr.replace('=', '<')];
  if (!dtype)
    throw new DataFormatError(`${what}: unsupported dtype ${descr}`, 'use a little-endian numeric dtype');
  if (fortran)
    throw new DataFormatError(
      `${what}: Fortran-order arrays are not supported`,
      'save with numpy.ascontiguousarray',
    );
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const itemBytes = dtype === 'bool' || dtype === 'int8' || dtype === 'uint8' ? 1 : Number(descr.slice(2));
  const dataStart = start + headerLen;
  if (dataStart + count * itemBytes > bytes.byteLength) {
    throw new DataFormatError(
      `${what}: expected ${count * itemBytes} data bytes for shape (${shape}), file is shorter`,
    );
  }
  const data = bytes.slice(dataStart, dataStart + count * itemBytes);
  return { dtype, shape, data };
}

export function writeNpy(a: NdArray): Uint8Array {
  const descr = DTYPE_TO_DESCR[a.dtype];
  if (!descr) throw new DataFormatError(`cannot write dtype ${a.dtype} to .npy`);
  const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header = `${header}${' '.repeat(pad % 64)}\n`;
  const out = new Uint8Array(10 + header.length + a.data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(a.data, 10 + header.length);
  return out;
}

export function parseNpz(bytes: Uint8Array, what = '.npz data'): Map<string, NdArray> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new DataFormatError(`${what} is not a NumPy .npz archive`, 'save arrays with numpy.savez');
  }
  const out = new Map<string, NdArray>();
  for (const [name, content] of Object.entries(files)) {
    out.set(name.replace(/\.npy$/, ''), parseNpy(content, `${what}:${name}`));
  }
  return out;
}

export function writeNpz(arrays: Map<string, NdArray> | Record<string, NdArray>): Uint8Array {
  const entries = arrays instanceof Map ? [...arrays.entries()] : Object.entries(arrays);
  const files: Record<string, Uint8Array> = {};
  for (const [name, a] of entries) files[`${name}.npy`] = writeNpy(a);
  return zipSync(files, { level: 0 });
}
