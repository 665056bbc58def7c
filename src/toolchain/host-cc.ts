/** The host C compiler: found once, used for native runs; builds are cached by content hash. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { BuildError, ToolNotFoundError } from '../errors.js';
import { cacheDir } from '../platforms/common/paths.js';

export interface CcResult {
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
}

export function runTool(cmd: string, args: string[], cwd?: string): Promise<CcResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error?.code;
      resolve({
        code: error ? (typeof code === 'number' ? code : null) : 0,
        stdout: String(stdout),
        stderr: String(stderr),
        missing: code === 'ENOENT',
      });
    });
  });
}

let found: string | undefined;

/** The first of $CC, cc, gcc, clang that runs. */
export async function findHostCc(): Promise<string> {
  if (found) return found;
  for (const cc of [process.env.CC, 'cc', 'gcc', 'clang'].filter((c): c is string => Boolean(c))) {
    const r = await runTool(cc, ['--version']);
    if (!r.missing && r.code === 0) {
      found = cc;
      return cc;
    }
  }
  throw new ToolNotFoundError(
    'a C compiler (cc, gcc or clang)',
    'install one, e.g. `apt-get install gcc` (scripts/install-toolchains.sh does it), or set CC',
  );
}

export const CACHE_DIR = cacheDir();

/** Every .h file below `dir`, sorted (a missing directory has none). */
function headersUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...headersUnder(full));
    else if (entry.name.endsWith('.h')) out.push(full);
  }
  return out.sort();
}

export function stderrTail(text: string, lines = 30): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * Compiles `sources` into an executable, cached under CACHE_DIR by a hash of the compiler,
 * flags and every source and header in `includeDirs`.
 */
export async function buildHostExecutable(o: {
  sources: string[];
  includeDirs: string[];
  flags: string[];
  name: string;
  keyExtra?: string;
}): Promise<string> {
  const cc = await findHostCc();
  const h = createHash('sha256').update(`${cc}\0${o.flags.join(' ')}\0${o.keyExtra ?? ''}`);
  for (const s of o.sources) h.update(s).update(readFileSync(s));
  // Headers change the binary as much as sources do.
  for (const dir of o.includeDirs) for (const f of headersUnder(dir)) h.update(f).update(readFileSync(f));
  const key = h.digest('hex').slice(0, 24);
  const dir = path.join(CACHE_DIR, 'native');
  const exe = path.join(dir, `${o.name}-${key}`);
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  const tmp = `${exe}.${process.pid}.tmp`;
  // -lm last: float kernels call expf/tanhf/logf, which glibc keeps in libm.
  const args = [...o.flags, ...o.includeDirs.map((d) => `-I${d}`), ...o.sources, '-o', tmp, '-lm'];
  const r = await runTool(cc, args);
  if (r.code !== 0) {
    throw new BuildError(
      `the host C build failed (${cc} exited ${r.code})`,
      `${cc} ${args.join(' ')}`,
      r.code,
      stderrTail(r.stderr),
    );
  }
  renameSync(tmp, exe);
  return exe;
}
