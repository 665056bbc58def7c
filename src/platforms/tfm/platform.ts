/**
 * The tfm platform: an export, not a firmware. `create-project DIR MODEL tfm` writes a TF-M
 * (Trusted Firmware-M) secure partition around the generated model — manifest, manifest list,
 * CMake file, the PSA service (template/partition/tfm_tinyforge_service.c) on the same request
 * core as the trustzone platform — and a non-secure client for the model's tensors. TF-M's own
 * build compiles it (docs/trustzone.md; DIR/README.md has the commands with DIR's paths), so
 * build, flash and run refuse with that pointer.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { loadModel } from '../../graph/load.js';
import { writeIfChanged } from '../common/firmware-project.js';
import { packageRoot } from '../common/paths.js';
import { int, str } from '../options.js';
import type { OptionSpec, OptionValues, Platform } from '../types.js';
import {
  CONDITIONAL,
  clientHeader,
  clientSource,
  MANIFEST_FILE,
  MANIFEST_LIST_FILE,
  manifestList,
  type PartitionModel,
  PSA_MAX_IOVEC,
  partitionCmake,
  partitionManifest,
  type TfmSettings,
} from './files.js';
import { tfmReadme } from './readme.js';

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'template');
const SECURE_CORE = ['tf_secure_core.c', 'tf_secure_core.h'];
/** SIDs are 32-bit; bits 31..12 name the vendor. */
const SID = /^0x[0-9a-fA-F]{1,8}$/;
const PID_RANGE = [256, 2999] as const;

const OPTIONS: OptionSpec[] = [
  {
    name: 'sid',
    type: 'string',
    default: '0x00001F00',
    required: [],
    optional: ['create-project'],
    help: 'RoT service ID of the model service (hex; must be unique in your TF-M build)',
  },
  {
    name: 'pid',
    type: 'int',
    default: 444,
    required: [],
    optional: ['create-project'],
    help: `partition ID (${PID_RANGE[0]}..${PID_RANGE[1]}, the range TF-M leaves to user partitions)`,
  },
  {
    name: 'stack-size',
    type: 'int',
    default: 4096,
    required: [],
    optional: ['create-project'],
    help: 'bytes of partition stack, where the model runs (multiple of 8)',
  },
  {
    name: 'partition-model',
    type: 'choice',
    choices: ['SFN', 'IPC'],
    default: 'SFN',
    required: [],
    optional: ['create-project'],
    help: 'FF-M partition model: SFN (secure functions) or IPC (own thread; needs the IPC backend)',
  },
];

function settings(o: OptionValues): TfmSettings {
  const sid = str(o, 'sid');
  if (!SID.test(sid))
    throw new UsageError(`option sid: expected a hex number such as 0x00001F00, got "${sid}"`);
  const pid = int(o, 'pid');
  if (pid < PID_RANGE[0] || pid > PID_RANGE[1])
    throw new UsageError(`option pid: ${pid} is outside ${PID_RANGE[0]}..${PID_RANGE[1]}`);
  const stackSize = int(o, 'stack-size');
  if (stackSize <= 0 || stackSize % 8 !== 0)
    throw new UsageError(`option stack-size: ${stackSize} is not a positive multiple of 8`);
  return {
    sid: Number.parseInt(sid, 16),
    pid,
    stackSize,
    model: str(o, 'partition-model') as PartitionModel,
  };
}

const template = (rel: string): string => readFileSync(join(TEMPLATE, rel), 'utf8');

function generate(dir: string, o: OptionValues, modelFile: string): void {
  const s = settings(o);
  const { graph } = loadModel(join(dir, 'model', modelFile));
  if (graph.inputs.length > PSA_MAX_IOVEC || graph.outputs.length > PSA_MAX_IOVEC) {
    throw new UsageError(
      `the model has ${graph.inputs.length} inputs and ${graph.outputs.length} outputs; a PSA call carries at most ${PSA_MAX_IOVEC} of each`,
      'the tfm export passes one tensor per vector; use the trustzone platform for this model',
    );
  }
  const p = (f: string) => join(dir, 'partition', f);
  for (const f of ['CMakeLists.txt', 'tfm_tinyforge_service.c', 'tinyforge_service_api.h'])
    writeIfChanged(p(f), template(join('partition', f)));
  for (const f of SECURE_CORE)
    writeIfChanged(p(join('secure', f)), readFileSync(join(packageRoot(), 'runtime', 'secure', f), 'utf8'));
  writeIfChanged(p(MANIFEST_FILE), partitionManifest(s, modelFile));
  writeIfChanged(p(MANIFEST_LIST_FILE), manifestList(s, modelFile));
  writeIfChanged(p('tinyforge_partition.cmake'), partitionCmake(s));
  const c = (f: string) => join(dir, 'client', f);
  writeIfChanged(c('tinyforge_client.h'), clientHeader(graph, modelFile));
  writeIfChanged(c('tinyforge_client.c'), clientSource(graph, modelFile));
  writeIfChanged(c('tinyforge_service_api.h'), template(join('partition', 'tinyforge_service_api.h')));
  writeIfChanged(join(dir, 'README.md'), tfmReadme(resolve(dir), s, modelFile));
}

const notHere = (dir: string, stage: string): UsageError =>
  new UsageError(
    `the tfm platform exports a TF-M secure partition; tinyforge cannot ${stage} it`,
    `build it inside TF-M with ${CONDITIONAL}=ON: the commands are in ${join(dir, 'README.md')} (docs/trustzone.md)`,
  );

export const tfmPlatform: Platform = {
  name: 'tfm',
  description: 'export: a TF-M secure partition (PSA service) around the model, plus a non-secure client',
  options: OPTIONS,
  check(o) {
    settings(o);
  },
  async generate(ctx) {
    generate(ctx.dir, ctx.options, ctx.model.file);
  },
  build: async (dir) => {
    throw notHere(dir, 'build');
  },
  flash: async (dir) => {
    throw notHere(dir, 'flash');
  },
  openTransport: async (dir) => {
    throw notHere(dir, 'run');
  },
};
