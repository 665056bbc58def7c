/**
 * A built and flashed project in the cache, for the demo, the conformance suite and the
 * benchmarks: generated into a temporary directory, keyed by a hash of everything generated
 * (model C, runtime, platform base, CMake files, options), and built only when no project with
 * that key exists yet — so a change anywhere in the generated sources rebuilds, nothing else does.
 * Projects unused for a week are deleted.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { cacheDir } from './common/paths.js';
import { buildProject, createProject, flashProject, PROJECT_FILE } from './project.js';
import type { OptionValue, Reporter } from './types.js';

export interface CachedProjectOptions {
  source: string;
  platform: string;
  options: Readonly<Record<string, OptionValue>>;
  reporter?: Reporter;
  runtimeVersion?: string;
}

const READY = '.tinyforge-ready';
/** Outputs of build and flash, not inputs of the key. */
const NOT_HASHED = new Set(['build', 'flash', READY, PROJECT_FILE]);

function hashTree(root: string, o: CachedProjectOptions): string {
  const h = createHash('sha256').update(JSON.stringify([o.platform, Object.entries(o.options).sort()]));
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (dir === root && NOT_HASHED.has(name)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else h.update(relative(root, full)).update('\0').update(readFileSync(full));
    }
  };
  walk(root);
  return h.digest('hex').slice(0, 20);
}

const touch = (path: string): void => {
  const now = new Date();
  utimesSync(path, now, now);
};

/** Projects unused for this long are deleted when a new one is built. */
const STALE_MS = 7 * 24 * 3600 * 1000;

function evictStale(root: string): void {
  for (const name of readdirSync(root)) {
    const ready = join(root, name, READY);
    if (existsSync(ready) && Date.now() - statSync(ready).mtimeMs > STALE_MS) {
      rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

/** The directory of a ready (built and flashed) project for the model, platform and options. */
export async function cachedProject(o: CachedProjectOptions): Promise<string> {
  const root = join(cacheDir(), 'projects');
  mkdirSync(root, { recursive: true });
  const temp = join(
    root,
    `tmp-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
  );
  try {
    await createProject({ ...o, dir: temp });
    const dir = join(root, hashTree(temp, o));
    if (existsSync(join(dir, READY))) {
      touch(join(dir, READY));
      return dir;
    }
    await buildProject(temp, { reporter: o.reporter });
    await flashProject(temp, { reporter: o.reporter });
    // The objects are most of the bytes and nothing reads them again.
    rmSync(join(temp, 'build', 'CMakeFiles'), { recursive: true, force: true });
    writeFileSync(join(temp, READY), '');
    evictStale(root);
    try {
      // Atomic, and refused when the directory exists: projects appear there only complete.
      renameSync(temp, dir);
    } catch (e) {
      // Another process finished the same project first: use theirs.
      if (!existsSync(join(dir, READY))) throw e;
    }
    return dir;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
