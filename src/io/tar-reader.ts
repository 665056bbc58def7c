/**
 * A small ustar reader: regular files out of an archive such as `compile --format archive`
 * writes (also GNU long names and pax headers, whose contents are skipped). Entries that
 * would land outside the extraction directory are refused.
 */
import { DataFormatError } from '../errors.js';

export interface TarEntry {
  /** Path inside the archive, '/'-separated, never absolute and without '..'. */
  path: string;
  data: Uint8Array;
}

const BLOCK = 512;
const decoder = new TextDecoder();

function field(h: Uint8Array, at: number, len: number): string {
  const bytes = h.subarray(at, at + len);
  const end = bytes.indexOf(0);
  return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function octal(h: Uint8Array, at: number, len: number, source: string): number {
  const text = field(h, at, len).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new DataFormatError(`${source}: bad number "${text}" in a tar header`);
  return Number.parseInt(text, 8);
}

function checksumOk(h: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  const stored = field(h, 148, 8).trim();
  return /^[0-7]+$/.test(stored) && sum === Number.parseInt(stored, 8);
}

function safePath(name: string, source: string): string {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (name.startsWith('/') || parts.includes('..')) {
    throw new DataFormatError(
      `${source}: entry "${name}" points outside the archive`,
      'refusing to extract it',
    );
  }
  return parts.join('/');
}

/** The regular files of a tar archive, in archive order. */
export function readTar(bytes: Uint8Array, source = 'archive'): TarEntry[] {
  const entries: TarEntry[] = [];
  let longName: string | undefined;
  for (let at = 0; at + BLOCK <= bytes.length; ) {
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (!checksumOk(h)) {
      throw new DataFormatError(
        `${source}: not a tar archive (bad header checksum at byte ${at})`,
        'pass a .tar written by `tinyforge compile --format archive`',
      );
    }
    const size = octal(h, 124, 12, source);
    const type = String.fromCharCode(h[156]!);
    const prefix = field(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    const data = bytes.subarray(at + BLOCK, at + BLOCK + size);
    if (data.length < size) throw new DataFormatError(`${source}: truncated tar entry "${name}"`);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    longName = undefined;
    if (type === 'L') longName = decoder.decode(data).replace(/\0+$/, '');
    else if (type === '0' || type === '\0') entries.push({ path: safePath(name, source), data });
  }
  return entries;
}
