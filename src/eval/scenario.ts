/**
 * Evaluation scenarios: one JSON file says which model, which data, which device and which
 * metrics. Validation reports every problem at once, each with its JSON path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, FileNotFoundError } from '../errors.js';
import { deviceSpecProblem } from './device-spec.js';

const path = z.string().min(1).describe('path; relative paths start at the scenario file folder');
const perChannel = z.union([z.number(), z.array(z.number()).min(1)]);

const preprocess = z
  .object({
    scale: z.number().default(1).describe('multiply raw values first (e.g. 1/255 for 8-bit pixels)'),
    offset: z.number().default(0).describe('then add this'),
    mean: perChannel.default(0).describe('then subtract the mean (one value, or one per channel)'),
    std: perChannel.default(1).describe('then divide by the standard deviation'),
  })
  .strict()
  .describe('x -> ((x * scale + offset) - mean) / std, then quantized with the model input parameters');

const common = { preprocess: preprocess.optional() };

const npzDataset = z
  .object({
    type: z.literal('npz'),
    path,
    x: z.string().default('x').describe('array of inputs, one sample per row'),
    y: z.string().default('y').describe('labels (class indices or one-hot) or regression targets'),
    ...common,
  })
  .strict();

const npyDataset = z.object({ type: z.literal('npy'), x: path, y: path, ...common }).strict();

const imagesDataset = z
  .object({
    type: z.literal('images'),
    path: path.describe('folder with one sub-folder of PNG files per class'),
    classes: z.array(z.string()).min(1).optional().describe('class order; default: sorted folder names'),
    ...common,
  })
  .strict();

const csvDataset = z
  .object({
    type: z.literal('csv'),
    path,
    delimiter: z.string().length(1).default(','),
    label: z.string().optional().describe('column with the class (name or index) for classification'),
    targets: z.array(z.string()).min(1).optional().describe('columns with regression targets'),
    features: z.array(z.string()).min(1).optional().describe('input columns; default: all the others'),
    ...common,
  })
  .strict();

const sineDataset = z
  .object({
    type: z.literal('sine'),
    count: z.number().int().min(1).default(1000),
    min: z.number().default(0),
    max: z.number().default(2 * Math.PI),
    noise: z.number().min(0).default(0).describe('standard deviation of noise added to y'),
    ...common,
  })
  .strict()
  .describe('synthetic: x uniform in [min, max], y = sin(x)');

const dataset = z.discriminatedUnion('type', [
  npzDataset,
  npyDataset,
  imagesDataset,
  csvDataset,
  sineDataset,
]);

export const PLANNER_NAMES = ['greedy-size', 'greedy-conflicts', 'local-search'] as const;

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional().describe('title of the run in reports'),
    model: z
      .object({
        path: path.describe('the .tflite model to evaluate (usually int8)'),
        reference: path.optional().describe('a float .tflite model: the same data runs through both'),
      })
      .strict(),
    dataset,
    compile: z
      .object({
        backend: z.enum(['c']).default('c').describe("tinyforge's own ahead-of-time C backend"),
        planner: z.enum(PLANNER_NAMES).optional().describe('planner of the memory plan in the report'),
        alignment: z.number().int().min(1).default(16).describe('alignment of the memory plan in the report'),
        options: z
          .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
          .default({})
          .describe(
            'platform options: create-project options for qemu:BOARD and serial:PORT, run overrides for a project folder',
          ),
      })
      .strict()
      .default({ backend: 'c', alignment: 16, options: {} }),
    device: z
      .string()
      .default('host')
      .describe('host | native | qemu:BOARD | serial:PORT | a platform project directory'),
    metrics: z
      .object({
        task: z.enum(['classification', 'regression']),
        topK: z.array(z.number().int().min(1)).default([1, 5]).describe('top-k accuracies to report'),
        classes: z.array(z.string()).min(1).optional().describe('class names, in output order'),
        tolerance: z
          .number()
          .positive()
          .optional()
          .describe('regression: |int8 - float| within this counts as agreement (default 2 output steps)'),
      })
      .strict(),
    limit: z.number().int().min(1).optional().describe('evaluate a seeded random subset of this size'),
    seed: z.number().int().default(0),
    jobs: z.number().int().min(1).optional().describe('parallel sessions (default: one per core)'),
  })
  .strict();

export type Scenario = z.output<typeof scenarioSchema>;
export type DatasetSpec = Scenario['dataset'];
export type Preprocess = z.output<typeof preprocess>;

/** The JSON schema `tinyforge eval --schema` prints (the input side: defaults are optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : `${p}.${String(s)}`), '$');
}

type PathField = [segments: string[], kind: 'file' | 'dir'];

/** The fields that hold paths; which ones depends on the dataset type. */
function pathFields(datasetType: unknown): PathField[] {
  const fields: PathField[] = [
    [['model', 'path'], 'file'],
    [['model', 'reference'], 'file'],
  ];
  if (datasetType === 'npy') fields.push([['dataset', 'x'], 'file'], [['dataset', 'y'], 'file']);
  else if (datasetType === 'images') fields.push([['dataset', 'path'], 'dir']);
  else if (datasetType === 'npz' || datasetType === 'csv') fields.push([['dataset', 'path'], 'file']);
  return fields;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Problems with the files and the device a scenario names, resolved against its folder. Runs on
 * the raw object too, so a scenario with schema errors also hears about its missing files.
 * With `fix`, string paths are replaced by their absolute form.
 */
function fileIssues(obj: unknown, base: string, fix: boolean): string[] {
  if (!isNode(obj)) return [];
  const issues: string[] = [];
  const dataset = isNode(obj.dataset) ? obj.dataset : {};
  for (const [[group, key], kind] of pathFields(dataset.type)) {
    const parent = obj[group];
    if (!isNode(parent) || typeof parent[key] !== 'string') continue;
    const full = resolve(base, parent[key] as string);
    if (!existsSync(full)) issues.push(`${jsonPath([group, key])}: not found: ${full}`);
    else if (statSync(full).isDirectory() !== (kind === 'dir'))
      issues.push(`${jsonPath([group, key])}: expected a ${kind === 'dir' ? 'folder' : 'file'}: ${full}`);
    if (fix) parent[key] = full;
  }
  const device = obj.device ?? 'host';
  const problem = typeof device === 'string' ? deviceSpecProblem(device, base) : null;
  if (problem) issues.push(`${jsonPath(['device'])}: ${problem}`);
  return issues;
}

/** Problems of fields that are only wrong together. */
function combinationIssues(s: Scenario): string[] {
  const issues: string[] = [];
  if (s.dataset.type === 'csv' && s.metrics.task === 'classification' && !s.dataset.label)
    issues.push(`${jsonPath(['dataset', 'label'])}: a classification CSV needs its label column`);
  if (s.dataset.type === 'csv' && s.metrics.task === 'regression' && !s.dataset.targets)
    issues.push(`${jsonPath(['dataset', 'targets'])}: a regression CSV needs its target columns`);
  if (s.dataset.type === 'sine' && s.metrics.task !== 'regression')
    issues.push(`${jsonPath(['metrics', 'task'])}: the sine dataset is a regression set`);
  return issues;
}

/** Validates a parsed scenario; `base` is the folder relative paths start from. */
export function parseScenario(raw: unknown, base: string, where = 'scenario'): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`);
    throw scenarioError(where, [...lines, ...fileIssues(raw, base, false)]);
  }
  const s = parsed.data;
  const issues = [...fileIssues(s, base, true), ...combinationIssues(s)];
  if (issues.length > 0) throw scenarioError(where, issues);
  return s;
}

function scenarioError(where: string, lines: string[]): ConfigError {
  const n = lines.length;
  return new ConfigError(
    `${where}: ${n} problem${n === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}`).join('\n')}`,
    'see `tinyforge eval --schema` for every field',
  );
}

export interface LoadedScenario {
  path: string;
  raw: unknown;
  scenario: Scenario;
}

export function loadScenario(file: string): LoadedScenario {
  const full = resolve(file);
  if (!existsSync(full)) throw new FileNotFoundError(file, 'scenario');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    throw new ConfigError(
      `${file} is not valid JSON: ${(e as Error).message}`,
      'scenarios are JSON files (YAML is not supported)',
    );
  }
  return { path: full, raw, scenario: parseScenario(raw, dirname(full), file) };
}
