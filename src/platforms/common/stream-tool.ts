/**
 * Runs an external tool (cmake, a flash command) with its output streamed to the caller as it
 * arrives, so `--verbose` shows progress live, and kept for error messages.
 */
import { spawn } from 'node:child_process';
import { BuildError, ToolNotFoundError } from '../../errors.js';
import { stderrTail } from './exec.js';

export interface StreamToolOptions {
  cwd?: string;
  onOutput?: (text: string) => void;
  installHint?: string;
  /** Run through /bin/sh (a user's flash command line). */
  shell?: boolean;
}

export interface StreamToolResult {
  code: number | null;
  /** stdout and stderr interleaved as they arrived (the last few MB). */
  output: string;
}

const MAX_KEPT = 4 << 20;

export function streamTool(
  command: string,
  args: readonly string[],
  options: StreamToolOptions = {},
): Promise<StreamToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      shell: options.shell ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-MAX_KEPT);
      options.onOutput?.(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        reject(new ToolNotFoundError(command, options.installHint ?? `install ${command}`));
      else reject(error);
    });
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** streamTool, failing with BuildError (command and output tail) on a non-zero exit. */
export async function runStreamed(
  command: string,
  args: readonly string[],
  what: string,
  options: StreamToolOptions = {},
): Promise<string> {
  const { code, output } = await streamTool(command, args, options);
  if (code !== 0) {
    const line = options.shell ? command : [command, ...args].join(' ');
    throw new BuildError(`${what} failed`, line, code, stderrTail(output));
  }
  return output;
}
