/** `npm run bench`: every benchmark script in bench/, one after another (each writes its table). */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './common.js';

const SKIP = new Set(['run.ts', 'common.ts']);
const only = process.argv.slice(2);
for (const f of readdirSync(BENCH_DIR).sort()) {
  if (!f.endsWith('.ts') || SKIP.has(f) || (only.length && !only.some((o) => f.includes(o)))) continue;
  process.stderr.write(`== ${f}\n`);
  execFileSync(process.execPath, ['--import', 'tsx', join(BENCH_DIR, f)], { stdio: 'inherit' });
}
