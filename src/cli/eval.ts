/** `tinyforge eval SCENARIO.json [-o results.json]` — a dataset through a model on a device. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { type EvalOptions, evaluate } from '../eval/evaluate.js';
import { headlineMetrics } from '../eval/metrics/compare.js';
import type { Progress } from '../eval/pool.js';
import { formatProgress } from '../eval/progress.js';
import type { EvalResults } from '../eval/results.js';
import { loadScenario, scenarioJsonSchema } from '../eval/scenario.js';
import { type CliIO, formatNumber, json, keyValues, paint } from './io.js';
import { packageVersion } from './main.js';

interface EvalFlags {
  output: string;
  schema?: boolean;
  jobs?: string;
  quiet?: boolean;
}

/** Redraws at most ten times a second, on one line, and only for a human at a terminal. */
function progressBar(io: CliIO, quiet: boolean): { update: (p: Progress) => void; end: () => void } {
  if (!io.isTTY || quiet) return { update: () => {}, end: () => {} };
  let last = 0;
  let drawn = false;
  return {
    update: (p) => {
      const now = performance.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      drawn = true;
      io.err(`\r${formatProgress(p)}\x1b[K`);
    },
    end: () => {
      if (drawn) io.err('\n');
    },
  };
}

/** First Ctrl-C stops after the samples in flight (results kept); a second one quits. */
function stopOnCtrlC(io: CliIO): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onInt = () => {
    if (controller.signal.aborted) process.exit(130);
    io.err(`\n${paint(io, 'yellow', 'stopping after the samples in flight (Ctrl-C again to quit)')}\n`);
    controller.abort();
  };
  process.on('SIGINT', onInt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInt) };
}

function summary(r: EvalResults): string {
  const pairs: [string, string | number][] = [
    ['run', r.name],
    ['device', `${r.device.spec} (${r.device.jobs} parallel)`],
    ['samples', `${r.dataset.evaluated} of ${r.dataset.requested}${r.stopped ? ' (stopped)' : ''}`],
    ...Object.entries(headlineMetrics(r.task, r.metrics)).map(([k, v]) => [k, v] as [string, number]),
  ];
  if (r.comparison) pairs.push(['agreement with float', `${(100 * r.comparison.agreement).toFixed(2)} %`]);
  const h = r.latency.hostMs;
  pairs.push(['host ms p50/p90/p99', [h.p50, h.p90, h.p99].map(formatNumber).join(' / ')]);
  const d = r.latency.device;
  if (d) pairs.push([`device ${d.unit} p50/p90/p99`, [d.p50, d.p90, d.p99].map(formatNumber).join(' / ')]);
  if (r.memory)
    pairs.push(['total RAM bytes', r.memory.totalRamBytes], ['weights bytes', r.memory.weightsBytes]);
  return keyValues(pairs);
}

function jobsOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs takes a whole number >= 1, got "${v}"`);
  return n;
}

export function registerEvalCommand(program: Command, io: CliIO): void {
  program
    .command('eval')
    .description('evaluate a model on a dataset and device as a scenario file describes')
    .argument('[scenario]', 'scenario .json file (see --schema)')
    .option('-o, --output <file>', 'results file', 'results.json')
    .option('--schema', 'print the JSON schema of scenario files and exit')
    .option('-j, --jobs <n>', 'parallel sessions (default: the scenario, else one per core)')
    .option('-q, --quiet', 'no progress bar')
    .action(async (file: string | undefined, flags: EvalFlags) => {
      if (flags.schema) return json(io, scenarioJsonSchema());
      if (!file)
        throw new UsageError('eval needs a scenario file', 'tinyforge eval SCENARIO.json [-o results.json]');
      const scenario = loadScenario(file);
      const bar = progressBar(io, Boolean(flags.quiet));
      const stop = stopOnCtrlC(io);
      const opts: EvalOptions = {
        version: packageVersion(),
        jobs: jobsOf(flags.jobs),
        signal: stop.signal,
        onProgress: bar.update,
      };
      let results: EvalResults;
      try {
        results = await evaluate(scenario, opts);
      } finally {
        bar.end();
        stop.dispose();
      }
      writeFileSync(flags.output, `${JSON.stringify(results, null, 2)}\n`);
      io.out(summary(results));
      io.out(`results: ${flags.output}\n`);
    });
}
