/** A minimal ustar writer (regular files and directories), enough for the compile archive. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function header(name: string, size: number, type: '0' | '5'): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, at: number, len: number) => {
    const b = new TextEncoder().encode(s);
    h.set(b.subarray(0, len), at);
  };
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0');
  let prefix = '';
  let base = name;
  if (name.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  put(base, 0, 100);
  put(octal(type === '5' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(0, 12), 136, 12); // fixed mtime: archives of the same model are byte-identical
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  put(prefix, 345, 155);
  const sum = h.reduce((a, b) => a + b, 0);
  put(`${octal(sum, 7)}\u0000`, 148, 8);
  return h;
}

/** Tars every file under `root` (sorted, paths relative to `root`, under `top/`). */
export function tarDirectory(root: string, top: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      const rel = `${top}/${relative(root, full)}`;
      if (statSync(full).isDirectory()) {
        parts.push(header(`${rel}/`, 0, '5'));
        walk(full);
      } else {
        const data = readFileSync(full);
        parts.push(
          header(rel, data.byteLength, '0'),
          data,
          new Uint8Array((512 - (data.byteLength % 512)) % 512),
        );
      }
    }
  };
  parts.push(header(`${top}/`, 0, '5'));
  walk(root);
  parts.push(new Uint8Array(1024));
  const total = parts.reduce((a, p) => a + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
