/**
 * Two-phase parsing for the project commands (create-project, build, flash): phase one finds
 * the platform — the PLATFORM argument or --template-dir, or DIR/tinyforge.json — from the raw
 * arguments; phase two parses them again with that platform's options turned into flags
 * (`--board mps2-an386` is `-o board=mps2-an386`), so `-h` and `--list-options` show them.
 */
import { Command, Option } from 'commander';
import { coerceOption, parseAssignments } from '../platforms/options.js';
import { PLATFORMS } from '../platforms/registry.js';
import type { OptionSpec, OptionValue, Platform } from '../platforms/types.js';
import { type CliIO, table } from './io.js';

/** Flags of the commands themselves; a platform option by one of these names is only reachable with -o. */
const RESERVED = new Set(['option', 'force', 'verbose', 'json', 'list-options', 'template-dir', 'help']);
const COMMON_VALUE_FLAGS = ['-o', '--option', '--template-dir'];

/** Flags that take a value, across the built-in platforms: phase one must skip their values. */
function valueFlags(): Set<string> {
  const flags = new Set(COMMON_VALUE_FLAGS);
  for (const p of PLATFORMS.values())
    for (const o of p.options) if (o.type !== 'bool') flags.add(`--${o.name}`);
  return flags;
}

export interface ScannedArgs {
  positionals: string[];
  templateDir?: string;
  help: boolean;
}

/** Phase one: positionals and --template-dir, without knowing the platform's flags yet. */
export function scanArgs(argv: readonly string[]): ScannedArgs {
  const takesValue = valueFlags();
  const out: ScannedArgs = { positionals: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') out.help = true;
    if (a.startsWith('--template-dir=')) out.templateDir = a.slice('--template-dir='.length);
    else if (a === '--template-dir') out.templateDir = argv[i + 1];
    if (!a.startsWith('-') || a === '-') out.positionals.push(a);
    else if (takesValue.has(a)) i++;
  }
  return out;
}

function stagesText(o: OptionSpec): string {
  const req = o.required.length ? `required: ${o.required.join(', ')}` : '';
  const opt = o.optional.length ? `used by: ${o.optional.join(', ')}` : '';
  return [req, opt].filter(Boolean).join('; ');
}

function flagFor(o: OptionSpec): Option {
  const valueName =
    o.type === 'choice' ? 'choice' : o.type === 'int' ? 'n' : o.type === 'bool' ? 'bool' : 'value';
  const bracket = o.type === 'bool' ? `[${valueName}]` : `<${valueName}>`;
  const dflt = o.default === undefined ? '' : ` (default: ${o.default})`;
  const flag = new Option(`--${o.name} ${bracket}`, `${o.help}${dflt} [${stagesText(o)}]`);
  if (o.choices) flag.choices(o.choices);
  return flag;
}

/** Adds `-o K=V` and one flag per platform option (those not clashing with the command's own). */
export function addPlatformFlags(cmd: Command, platform: Platform | undefined): void {
  cmd.option(
    '-o, --option <name=value>',
    'a platform option, repeatable; stored by create-project',
    (v: string, all: string[] = []) => [...all, v],
  );
  cmd.option('--list-options', "list the platform's options and exit");
  for (const o of platform?.options ?? []) if (!RESERVED.has(o.name)) cmd.addOption(flagFor(o));
}

const camel = (name: string): string => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The platform options given on the command line: -o first, then the flags. */
export function givenOptions(
  platform: Platform,
  flags: Record<string, unknown>,
): Record<string, OptionValue> {
  const given: Record<string, OptionValue> = { ...parseAssignments((flags.option as string[]) ?? []) };
  for (const o of platform.options) {
    if (RESERVED.has(o.name)) continue;
    const v = flags[camel(o.name)];
    if (v === undefined) continue;
    given[o.name] = coerceOption(o, v === true && o.type === 'bool' ? true : (v as OptionValue));
  }
  return given;
}

export function formatOptions(platform: Platform): string {
  const rows = platform.options.map((o) => [
    o.name,
    o.type === 'choice' ? (o.choices ?? []).join('|') : o.type,
    o.default === undefined ? '' : String(o.default),
    o.required.join(', '),
    o.optional.join(', '),
    o.help,
  ]);
  return `${platform.name}: ${platform.description}\n\n${table(['option', 'type', 'default', 'required at', 'used at', 'help'], rows)}`;
}

/** A fresh command for phase two, wired to the CLI's output like every other command. */
export function phaseTwoCommand(name: string, io: CliIO): Command {
  return new Command(name)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}

/** Registers the phase-one shell of a project command: it hands the raw arguments on. */
export function registerTwoPhase(
  program: Command,
  name: string,
  usage: string,
  description: string,
  run: (argv: string[]) => Promise<void>,
): void {
  program
    .command(name)
    .usage(usage)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    .action((args: string[]) => run(args));
}

export function listBuiltins(): string {
  return [...PLATFORMS.values()].map((p) => `  ${p.name.padEnd(10)} ${p.description}`).join('\n');
}
