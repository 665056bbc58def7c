/** The tinyforge CLI: one file per command, one top-level error handler. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { TinyforgeError } from '../errors.js';
import { type CliIO, paint, processIO } from './io.js';
import { COMMANDS } from './registry.js';

export function packageVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [join(here, '../../package.json'), join(here, '../package.json')]) {
    try {
      return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
    } catch {
      // try the next layout (src/ when run from source, dist/ when installed)
    }
  }
  return '0.0.0';
}

export function buildProgram(io: CliIO): Command {
  const program = new Command('tinyforge')
    .description('Take an int8 TensorFlow Lite model onto a microcontroller and prove it works there.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of COMMANDS) register(program, io);
  for (const c of program.commands)
    c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return handleError(e, io);
  }
}

export function handleError(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    // commander already printed its message; help and version are exits, not failures
    return e.code === 'commander.helpDisplayed' ||
      e.code === 'commander.version' ||
      e.code === 'commander.help'
      ? 0
      : 2;
  }
  if (e instanceof TinyforgeError) {
    io.err(`${paint(io, 'red', `error: ${e.message}`)}\n`);
    if (e.hint) io.err(`${paint(io, 'dim', `hint: ${e.hint}`)}\n`);
    return e.exitCode;
  }
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.err(`${paint(io, 'red', 'internal error')} (please report it with the command you ran)\n${stack}\n`);
  return 70;
}
