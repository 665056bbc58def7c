/** `writeReport(results files, dir)`: report.md (+ charts/*.svg) and a self-contained report.html. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError, FileNotFoundError, UsageError } from '../errors.js';
import { type EvalResults, RESULTS_FORMAT } from '../eval/results.js';
import { comparisonBlocks } from './comparison.js';
import type { Block, ReportDocument } from './document.js';
import { renderHtml } from './html.js';
import { chartFile, renderMarkdown } from './markdown.js';
import { runBlocks } from './single.js';

export function readResults(path: string): EvalResults {
  if (!existsSync(path)) throw new FileNotFoundError(path, 'results file');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DataFormatError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== RESULTS_FORMAT) {
    throw new DataFormatError(
      `${path} is not a tinyforge eval results file (format ${JSON.stringify(format)}, expected "${RESULTS_FORMAT}")`,
      'make results with `tinyforge eval SCENARIO.json -o results.json`',
    );
  }
  return data as EvalResults;
}

export async function buildDocument(results: EvalResults[]): Promise<ReportDocument> {
  if (results.length === 0) throw new UsageError('a report needs at least one results file');
  const blocks = results.length === 1 ? await runBlocks(results[0]) : await comparisonBlocks(results);
  const title =
    results.length === 1
      ? `tinyforge eval: ${results[0].name}`
      : `tinyforge eval: ${results.length} runs compared`;
  return { title, blocks };
}

export interface WrittenReport {
  markdown: string;
  html: string;
  charts: string[];
}

function write(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(
      `cannot write ${path}: ${(e as Error).message}`,
      'check that the folder is writable',
    );
  }
}

export async function writeReport(paths: string[], dir: string, version: string): Promise<WrittenReport> {
  const doc = await buildDocument(paths.map(readResults));
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const charts = doc.blocks.filter((b): b is Extract<Block, { kind: 'chart' }> => b.kind === 'chart');
  for (const c of charts) write(join(dir, chartFile(c.name)), c.svg);
  const markdown = join(dir, 'report.md');
  const html = join(dir, 'report.html');
  write(markdown, renderMarkdown(doc));
  write(html, renderHtml(doc, `Made by tinyforge ${version} from ${paths.join(', ')}`));
  return { markdown, html, charts: charts.map((c) => join(dir, chartFile(c.name))) };
}
