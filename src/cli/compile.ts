/** `tinyforge compile MODEL.tflite -o DIR` — the model as plain C (or a TFLM project). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { compileModel, defaultName } from '../codegen/compile.js';
import { exportTflm, writeTflmExport } from '../codegen/tflm/export.js';
import { measureArena } from '../codegen/tflm/probe.js';
import { registrations } from '../codegen/tflm/resolver.js';
import { UsageError } from '../errors.js';
import type { LoadedModel } from '../graph/load.js';
import { loadModel } from '../graph/load.js';
import { tarDirectory } from '../io/tar.js';
import type { PlannerName } from '../planner/types.js';
import { type CliIO, json, keyValues } from './io.js';
import { packageVersion } from './main.js';

interface CompileFlags {
  output: string;
  backend: 'c' | 'tflm';
  inputs?: string;
  quantizeInputs?: boolean;
  seed: string;
  modelSection?: string;
  inputSection?: string;
  outputSection?: string;
  continuous?: boolean;
  tflmDir?: string;
  iterations: string;
  name?: string;
  weightsSection: string;
  staticBuffers?: boolean;
  format: 'dir' | 'archive';
  planner?: PlannerName;
  alignment: string;
  json?: boolean;
}

export function registerCompileCommand(program: Command, io: CliIO): void {
  program
    .command('compile')
    .description('generate plain C for a model: no interpreter, static memory plan, app-owned buffers')
    .argument('<model>', '.tflite model file')
    .requiredOption('-o, --output <dir>', 'output directory (with --format archive: DIR.tar)')
    .addOption(
      new Option('--backend <name>', 'c: tinyforge C (no interpreter); tflm: files for a TFLM project')
        .choices(['c', 'tflm'])
        .default('c'),
    )
    .option('--name <id>', 'C prefix of every symbol (default: from the file name)')
    .option('--weights-section <name>', 'linker section of the weights', '.rodata')
    .option('--static-buffers', 'also reserve the buffers statically (NAME_init_static)')
    .addOption(
      new Option('--format <kind>', 'directory or Model-Library-Format-like tar')
        .choices(['dir', 'archive'])
        .default('dir'),
    )
    .addOption(
      new Option('--planner <name>', 'memory planner').choices([
        'greedy-size',
        'greedy-conflicts',
        'local-search',
      ]),
    )
    .option('--alignment <bytes>', 'buffer alignment', '16')
    .option('-i, --inputs <file>', 'tflm: input for input_data.h (.npz/.npy/.bin); default random (--seed)')
    .option('--quantize-inputs', 'tflm: quantize float inputs with the model input scale/zero point')
    .option('--seed <n>', 'tflm: seed of the random input when no --inputs', '0')
    .option('--model-section <name>', 'tflm: linker section of the model array')
    .option('--continuous', 'tflm: main.cc waits for new input in a loop instead of checking N inferences')
    .option('--input-section <name>', 'tflm --continuous: linker section of the input buffers')
    .option('--output-section <name>', 'tflm --continuous: linker section of the output buffers')
    .option('--iterations <n>', 'tflm: inferences main.cc runs and checks', '10')
    .option('--tflm-dir <dir>', 'tflm: a tflite-micro checkout to measure the exact arena size with')
    .option('--json', 'print one JSON object')
    .action(async (modelPath: string, flags: CompileFlags) => {
      const loaded = loadModel(modelPath);
      if (flags.backend === 'tflm') {
        await compileTflm(loaded, flags, io);
        return;
      }
      const archive = flags.format === 'archive';
      const dir = archive ? mkdtempSync(join(tmpdir(), 'tinyforge-compile-')) : flags.output;
      const opts = {
        name: flags.name,
        weightsSection: flags.weightsSection,
        staticBuffers: flags.staticBuffers,
        planner: flags.planner,
        alignment: Number(flags.alignment),
        runtimeVersion: packageVersion(),
      };
      const c = compileModel(loaded, dir, opts);
      let written = dir;
      if (archive) {
        written = `${flags.output.replace(/\/+$/, '')}.tar`;
        writeFileSync(written, tarDirectory(dir, basename(flags.output)));
        rmSync(dir, { recursive: true, force: true });
      }
      const summary = {
        output: written,
        name: c.name,
        modelHash: c.modelHash,
        memory: c.memory,
        planner: c.plan.planner,
      };
      if (flags.json) json(io, summary);
      else
        io.out(
          keyValues([
            ['written', written],
            ['symbol prefix', c.name],
            ['activation bytes', c.memory.activationBytes],
            ['scratch bytes', c.memory.scratchBytes],
            ['persistent bytes', c.memory.persistentBytes],
            ['input bytes', c.memory.inputBytes],
            ['output bytes', c.memory.outputBytes],
          ]),
        );
    });
}

async function compileTflm(loaded: LoadedModel, flags: CompileFlags, io: CliIO): Promise<void> {
  if (flags.format === 'archive') throw new UsageError('--format archive is for the c backend');
  const alignment = Number(flags.alignment);
  if (![4, 8, 16, 32, 64].includes(alignment))
    throw new UsageError(`--alignment ${flags.alignment} is not 4, 8, 16, 32 or 64`);
  const base = {
    name: flags.name ?? defaultName(loaded.path),
    alignment,
    modelSection: flags.modelSection ?? null,
    iterations: Number(flags.iterations) || 10,
    continuous: flags.continuous,
    inputSection: flags.inputSection ?? null,
    outputSection: flags.outputSection ?? null,
    inputsFile: flags.inputs,
    quantizeInputs: flags.quantizeInputs,
    seed: Number(flags.seed) || 0,
  };
  let e = exportTflm(loaded, base);
  if (flags.tflmDir) {
    const measured = await measureArena(flags.tflmDir, e.modelBytes, registrations(loaded.graph));
    e = exportTflm(loaded, { ...base, measuredArenaBytes: measured });
  }
  writeTflmExport(flags.output, e);
  const summary = { output: flags.output, ops: e.ops, arena: e.arena, files: Object.keys(e.files) };
  if (flags.json) json(io, summary);
  else
    io.out(
      keyValues([
        ['written', flags.output],
        ['ops in the resolver', e.ops.join(' ')],
        ['tensor arena bytes', e.arena.arenaBytes],
        [
          'arena size',
          e.arena.method === 'measured'
            ? 'measured with TFLM (--tflm-dir)'
            : `estimated: ${e.arena.headBytes} B planned head + ${e.arena.persistentBytes} B TFLM tail (upper bound)`,
        ],
      ]),
    );
}
