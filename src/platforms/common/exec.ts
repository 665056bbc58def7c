/** Runs a build tool and turns its failures into tinyforge's typed errors. */
import { execFile } from 'node:child_process';
import { BuildError, ToolNotFoundError } from '../../errors.js';

export interface ToolResult {
  stdout: string;
  stderr: string;
}

const TAIL_LINES = 30;

export function stderrTail(stderr: string): string {
  return stderr.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}

/** `what` names the step in the error ("compile firmware for mps2-an386"). */
export function runTool(
  command: string,
  args: readonly string[],
  what: string,
  options: { cwd?: string; installHint?: string } = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr });
        return;
      }
      const failure = error as NodeJS.ErrnoException & { code?: string | number };
      if (failure.code === 'ENOENT') {
        reject(new ToolNotFoundError(command, options.installHint ?? `install ${command}`));
        return;
      }
      const exitCode = typeof failure.code === 'number' ? failure.code : null;
      const commandLine = [command, ...args].join(' ');
      reject(new BuildError(`${what} failed`, commandLine, exitCode, stderrTail(stderr)));
    });
  });
}
