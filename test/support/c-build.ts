/**
 * Compiles small C programs for tests with a host (or cross) compiler, cached under
 * os.tmpdir() by a hash of the compiler, flags and every source and header involved, so
 * repeated test runs and parallel test files reuse one build.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BuildError, ToolNotFoundError } from '../../src/errors.js';

export interface CompileHostCOptions {
  sources: string[];
  includeDirs?: string[];
  /** `NAME` or `NAME=VALUE`, passed as -D. */
  defines?: string[];
  /** File name of the result inside the cache directory. */
  out: string;
  /** Compiler command (default `cc`). */
  cc?: string;
  /** Extra flags, e.g. ['-std=c99', '-Wall', '-Werror'] or target flags. */
  flags?: string[];
  /** Stop at an object file (-c); needs exactly one source. */
  compileOnly?: boolean;
}

export const C_BUILD_CACHE = path.join(os.tmpdir(), 'tinyforge-c-build');
const STDERR_TAIL_LINES = 30;

interface RunResult {
  code: number | null;
  stderr: string;
  missing: boolean;
}

function run(cmd: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      // error.code is the exit status, or an errno string when the compiler did not start.
      const code = error?.code;
      resolve({
        code: error ? (typeof code === 'number' ? code : null) : 0,
        stderr: String(stderr),
        missing: code === 'ENOENT',
      });
    });
  });
}

/** True when `cc --version` runs; for skipping tests of optional toolchains. */
export async function hasCompiler(cc: string): Promise<boolean> {
  const result = await run(cc, ['--version']);
  return !result.missing && result.code === 0;
}

/** Headers change the build as much as sources do, so they are part of the cache key. */
async function headersOf(dirs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const dir of new Set(dirs.map((d) => path.resolve(d)))) {
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).sort()) if (name.endsWith('.h')) found.push(path.join(dir, name));
  }
  return found;
}

async function cacheKey(cc: string, args: string[], files: string[]): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify([cc, args]));
  for (const file of files) hash.update(file).update(await readFile(file));
  return hash.digest('hex').slice(0, 20);
}

/** Returns the absolute path of the built file; throws BuildError with the compiler's stderr tail. */
export async function compileHostC(options: CompileHostCOptions): Promise<string> {
  const { cc = 'cc', includeDirs = [], defines = [], flags = [], compileOnly = false } = options;
  const sources = options.sources.map((s) => path.resolve(s));
  if (compileOnly && sources.length !== 1) throw new TypeError('compileOnly needs exactly one source');
  const args = [
    ...flags,
    ...includeDirs.map((d) => `-I${path.resolve(d)}`),
    ...defines.map((d) => `-D${d}`),
    ...(compileOnly ? ['-c'] : []),
    ...sources,
  ];
  const headers = await headersOf([...includeDirs, ...sources.map((s) => path.dirname(s))]);
  const dir = path.join(C_BUILD_CACHE, await cacheKey(cc, args, [...sources, ...headers]));
  const target = path.join(dir, options.out);
  if (existsSync(target)) return target;
  await mkdir(dir, { recursive: true });
  // Parallel test files may build the same target: build aside, then rename atomically.
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const result = await run(cc, [...args, '-o', temp]);
  if (result.missing) throw new ToolNotFoundError(cc, 'install a C compiler (gcc or clang)');
  if (result.code !== 0) {
    await rm(temp, { force: true });
    const tail = result.stderr.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
    const command = [cc, ...args, '-o', target].join(' ');
    throw new BuildError(`${cc} failed to build ${options.out}`, command, result.code, tail);
  }
  await rename(temp, target);
  return target;
}
