/** `tinyforge compile MODEL.tflite -o DIR` — the model as plain C (or a TFLM project). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { compileModel } from '../codegen/compile.js';
import { loadModel } from '../graph/load.js';
import { tarDirectory } from '../io/tar.js';
import type { PlannerName } from '../planner/types.js';
import { type CliIO, json, keyValues } from './io.js';
import { packageVersion } from './main.js';

interface CompileFlags {
  output: string;
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
    .option('--json', 'print one JSON object')
    .action((modelPath: string, flags: CompileFlags) => {
      const loaded = loadModel(modelPath);
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
