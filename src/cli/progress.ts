/**
 * Progress of long steps (compiling, cmake, flashing, starting QEMU): a small spinner on a
 * terminal, nothing when piped; with --verbose, each step as a line plus the tools' own
 * output as it streams. Everything goes to stderr so stdout stays the result (and --json).
 */
import type { Reporter } from '../platforms/types.js';
import { type CliIO, paint } from './io.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

export interface CliReporter extends Reporter {
  /** Ends the current step (✓ or ✗ on a terminal). */
  stop(ok: boolean): void;
}

export function cliReporter(io: CliIO, verbose: boolean): CliReporter {
  let label: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let frame = 0;
  const finish = (ok: boolean): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (label !== undefined && io.isTTY && !verbose) {
      io.err(`\r\x1b[2K${ok ? paint(io, 'green', '✓') : paint(io, 'red', '✗')} ${label}\n`);
    }
    label = undefined;
  };
  return {
    step(next) {
      finish(true);
      label = next;
      if (verbose) {
        io.err(`${paint(io, 'bold', `==> ${next}`)}\n`);
      } else if (io.isTTY) {
        const draw = () => io.err(`\r\x1b[2K${paint(io, 'cyan', FRAMES[frame++ % FRAMES.length]!)} ${next}`);
        draw();
        timer = setInterval(draw, FRAME_MS);
        timer.unref();
      }
    },
    output: verbose ? (text) => io.err(text) : undefined,
    stop: finish,
  };
}

/** Runs `fn` with a reporter and always ends its spinner. */
export async function withProgress<T>(
  io: CliIO,
  verbose: boolean,
  fn: (r: CliReporter) => Promise<T>,
): Promise<T> {
  const reporter = cliReporter(io, verbose);
  try {
    const result = await fn(reporter);
    reporter.stop(true);
    return result;
  } catch (e) {
    reporter.stop(false);
    throw e;
  }
}
