/** The shared shape of `build DIR` and `flash DIR`: the platform comes from DIR/tinyforge.json. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { PROJECT_FILE, readProject } from '../platforms/project.js';
import { loadPlatform } from '../platforms/registry.js';
import type { OptionValue, Platform, Reporter } from '../platforms/types.js';
import type { CliIO } from './io.js';
import {
  addPlatformFlags,
  formatOptions,
  givenOptions,
  phaseTwoCommand,
  registerTwoPhase,
  scanArgs,
} from './platform-command.js';
import { withProgress } from './progress.js';

export interface StageFlags {
  verbose?: boolean;
  json?: boolean;
  listOptions?: boolean;
  [option: string]: unknown;
}

export interface ProjectStage<T> {
  name: 'build' | 'flash';
  description: string;
  run(dir: string, overrides: Record<string, OptionValue>, reporter: Reporter): Promise<T>;
  /** Called after the progress display has ended. */
  print(result: T, flags: StageFlags): void;
}

async function projectPlatform(dir: string | undefined): Promise<Platform | undefined> {
  if (!dir || !existsSync(join(dir, PROJECT_FILE))) return undefined;
  const project = readProject(dir);
  return loadPlatform(project.templateDir ? { templateDir: project.templateDir } : project.platform);
}

function command<T>(io: CliIO, stage: ProjectStage<T>, platform: Platform | undefined): Command {
  const cmd = phaseTwoCommand(`tinyforge ${stage.name}`, io)
    .description(stage.description)
    .usage('DIR [options]')
    .argument('<dir>', 'a project made by `tinyforge create-project`')
    .option('--verbose', 'show the output of every tool')
    .option('--json', 'print one JSON object');
  addPlatformFlags(cmd, platform);
  if (!platform)
    cmd.addHelpText('after', `\nThe platform's own options are listed by: tinyforge ${stage.name} DIR -h`);
  return cmd;
}

async function runStage<T>(argv: string[], io: CliIO, stage: ProjectStage<T>): Promise<void> {
  const scanned = scanArgs(argv);
  const dir = scanned.positionals[0];
  const platform = await projectPlatform(dir);
  try {
    if (dir && !platform && !scanned.help) readProject(dir);
    await command(io, stage, platform)
      .action(async (d: string, flags: StageFlags) => {
        if (!platform) throw new UsageError(`${d} is not a tinyforge project`);
        if (flags.listOptions) {
          io.out(formatOptions(platform));
          return;
        }
        const overrides = givenOptions(platform, flags);
        const result = await withProgress(io, Boolean(flags.verbose), (reporter) =>
          stage.run(d, overrides, reporter),
        );
        stage.print(result, flags);
      })
      .parseAsync(argv, { from: 'user' });
  } finally {
    await platform?.dispose?.();
  }
}

export function registerProjectStage<T>(program: Command, io: CliIO, stage: ProjectStage<T>): void {
  registerTwoPhase(program, stage.name, 'DIR [options]', stage.description, (argv) =>
    runStage(argv, io, stage),
  );
}
