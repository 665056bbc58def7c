/**
 * `tinyforge create-project DIR (MODEL.tflite | ARCHIVE.tar) PLATFORM [-o K=V ...] [--force]`
 * — a firmware project for a platform; its options are stored in DIR/tinyforge.json.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { createProject } from '../platforms/project.js';
import { loadPlatform, type PlatformRef } from '../platforms/registry.js';
import type { Platform } from '../platforms/types.js';
import { type CliIO, json, keyValues } from './io.js';
import { packageVersion } from './main.js';
import {
  addPlatformFlags,
  formatOptions,
  givenOptions,
  listBuiltins,
  phaseTwoCommand,
  registerTwoPhase,
  scanArgs,
} from './platform-command.js';
import { withProgress } from './progress.js';

const USAGE = 'DIR (MODEL.tflite | ARCHIVE.tar) PLATFORM [options]';

interface CreateFlags {
  force?: boolean;
  verbose?: boolean;
  json?: boolean;
  listOptions?: boolean;
  templateDir?: string;
  [option: string]: unknown;
}

function platformRef(scanned: ReturnType<typeof scanArgs>, listing: boolean): PlatformRef | undefined {
  if (scanned.templateDir) return { templateDir: scanned.templateDir };
  // `create-project qemu --list-options` needs no DIR or model.
  return (
    scanned.positionals[2] ??
    (listing && scanned.positionals.length === 1 ? scanned.positionals[0] : undefined)
  );
}

function command(io: CliIO, platform: Platform | undefined, ref: PlatformRef | undefined): Command {
  const cmd = phaseTwoCommand('tinyforge create-project', io)
    .description('create a firmware project for a model on a platform (options stored in DIR/tinyforge.json)')
    .usage(USAGE)
    .argument('<dir>', 'project directory to create')
    .argument('<source>', '.tflite model, or the .tar of `tinyforge compile --format archive`')
    .argument(
      typeof ref === 'string' || !ref ? '<platform>' : '[platform]',
      'qemu, baremetal (or --template-dir)',
    )
    .option('--template-dir <dir>', 'a custom platform: DIR holds a tinyforge-platform executable (JSON-RPC)')
    .option('--force', 'replace an existing project in DIR')
    .option('--verbose', 'show the output of every tool')
    .option('--json', 'print one JSON object');
  addPlatformFlags(cmd, platform);
  cmd.addHelpText(
    'after',
    platform ? '' : `\nPlatforms:\n${listBuiltins()}\n\nAdd PLATFORM -h to see its options.`,
  );
  return cmd;
}

async function create(
  io: CliIO,
  platform: Platform,
  ref: PlatformRef,
  dir: string,
  source: string,
  flags: CreateFlags,
) {
  const options = givenOptions(platform, flags);
  const project = await withProgress(io, Boolean(flags.verbose), (reporter) =>
    createProject({
      dir,
      source,
      platform: ref,
      options,
      force: flags.force,
      reporter,
      runtimeVersion: packageVersion(),
    }),
  );
  if (flags.json) {
    json(io, { dir, ...project });
    return;
  }
  const shown =
    Object.entries(project.options)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || '(defaults)';
  io.out(
    keyValues([
      ['created', dir],
      ['platform', project.platform],
      ['options', shown],
      ['model', `${project.model.file} (${project.model.hash.slice(0, 12)})`],
      ['next', `tinyforge build ${dir} && tinyforge flash ${dir} && tinyforge run --device micro ${dir}`],
    ]),
  );
}

async function runCreateProject(argv: string[], io: CliIO): Promise<void> {
  const scanned = scanArgs(argv);
  const listing = argv.includes('--list-options');
  const ref = platformRef(scanned, listing);
  if (typeof ref === 'object' && scanned.positionals[2]) {
    throw new UsageError('give either PLATFORM or --template-dir, not both');
  }
  const platform = ref === undefined ? undefined : await loadPlatform(ref);
  try {
    if (listing && platform && !scanned.help) {
      io.out(formatOptions(platform));
      return;
    }
    await command(io, platform, ref)
      .action(async (dir: string, source: string, _p: string | undefined, flags: CreateFlags) => {
        if (!platform || ref === undefined)
          throw new UsageError('no platform given', `built-in platforms: ${listBuiltins().trim()}`);
        await create(io, platform, ref, dir, source, flags);
      })
      .parseAsync(argv, { from: 'user' });
  } finally {
    await platform?.dispose?.();
  }
}

export function registerCreateProjectCommand(program: Command, io: CliIO): void {
  registerTwoPhase(
    program,
    'create-project',
    USAGE,
    'create a firmware project for a model on a platform (qemu, baremetal, or --template-dir)',
    (argv) => runCreateProject(argv, io),
  );
}
