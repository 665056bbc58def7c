/** Where tinyforge's own non-TS files live, whether run from src/ (tsx, vitest) or dist/. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The directory holding tinyforge's package.json (the repo root in development). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'tinyforge') {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('tinyforge package.json not found above this module');
    dir = parent;
  }
}

/** C sources and headers of the Cortex-M platform base (startup, UART, counter, ...). */
export function cortexMRuntimeDir(): string {
  return join(packageRoot(), 'runtime', 'platform', 'cortex_m');
}

/**
 * Build outputs worth keeping between runs (the QEMU plugin, firmware projects, native
 * builds): $TINYFORGE_CACHE_DIR, else the user's cache folder — not the package folder, which
 * may be read-only when installed, and which a fresh clone would start empty.
 */
export function cacheDir(): string {
  if (process.env.TINYFORGE_CACHE_DIR) return process.env.TINYFORGE_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'tinyforge');
}
