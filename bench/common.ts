/** Shared helpers of the benchmark scripts: the shared models and a Markdown table writer. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(BENCH_DIR, '..');
export const MODELS = resolve(REPO, '../shared/models');

export interface BenchModel {
  name: string;
  path: string;
  tflm: { nonpersistent_bytes: number; arena_used_bytes: number } | null;
}

/** The main shared models (not the single-op seanet ones) that TFLM itself runs. */
export function benchModels(): BenchModel[] {
  const manifest = join(MODELS, 'MANIFEST.json');
  if (!existsSync(manifest)) return [];
  const m = JSON.parse(readFileSync(manifest, 'utf8')).models as Record<
    string,
    { file: string; tflm: BenchModel['tflm'] }
  >;
  return Object.entries(m)
    .filter(([, e]) => e.tflm !== null)
    .map(([name, e]) => ({ name, path: join(MODELS, e.file), tflm: e.tflm }));
}

export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const fmt = (c: string | number) =>
    typeof c === 'number' ? c.toLocaleString('en-US', { maximumFractionDigits: 2 }) : c;
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`),
  ].join('\n');
}

export function writeResults(file: string, title: string, body: string): void {
  const stamp = `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.arch}).`;
  writeFileSync(join(BENCH_DIR, file), `# ${title}\n\n${stamp}\n\n${body}\n`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
