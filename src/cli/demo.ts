/**
 * `tinyforge demo sine [--device host]` — the example model, degree by degree.
 * `--platform qemu [--board mps2-an386]` (or `--device micro`) runs it as firmware on an
 * emulated board: a project is created, built and flashed in tinyforge's cache (once per
 * model, board and tinyforge), then all 360 degrees go over the device protocol.
 */
import type { Command } from 'commander';
import { formatSineLine, runSineDemo, sineModelPath } from '../demo/sine.js';
import { UsageError } from '../errors.js';
import { cachedProject } from '../platforms/cached-project.js';
import { openSession } from '../run/devices.js';
import { openMicro } from '../run/micro.js';
import type { InferenceSession } from '../run/session.js';
import { runTrustZoneDemo } from './demo-trustzone.js';
import { type CliIO, json, keyValues } from './io.js';
import { packageVersion } from './main.js';
import { withProgress } from './progress.js';

interface DemoFlags {
  device: string;
  checkIsolation?: boolean;
  platform?: string;
  board?: string;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

const DEFAULT_BOARD = 'mps2-an386';

async function openDemoSession(flags: DemoFlags, io: CliIO): Promise<InferenceSession> {
  const micro = flags.device === 'micro' || flags.platform !== undefined;
  if (!micro) {
    if (flags.board) throw new UsageError('--board needs --platform qemu (or --device micro)');
    return openSession(flags.device, { target: sineModelPath() });
  }
  const platform = flags.platform ?? 'qemu';
  if (platform !== 'qemu') {
    throw new UsageError(
      `the demo runs on the qemu platform, not ${platform}`,
      'for a board: tinyforge create-project DIR examples/sine/sine_int8.tflite baremetal ...',
    );
  }
  return withProgress(io, Boolean(flags.verbose), async (reporter) => {
    const dir = await cachedProject({
      source: sineModelPath(),
      platform,
      // No counts needed: plain emulation is the fastest.
      options: { board: flags.board ?? DEFAULT_BOARD, counter: 'none' },
      reporter,
      runtimeVersion: packageVersion(),
    });
    return openMicro(dir, { reporter });
  });
}

export function registerDemoCommand(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description('run a built-in demo end to end (sine: the example int8 model for 0..359 degrees)')
    .argument('<name>', 'demo name: sine')
    .option('--device <name>', 'where to run the model (micro: as firmware under QEMU)', 'host')
    .option('--platform <name>', 'run as firmware on this platform (qemu, trustzone)')
    .option('--board <name>', `QEMU board for --platform qemu (default ${DEFAULT_BOARD}) or trustzone`)
    .option(
      '--check-isolation',
      'trustzone: probe that the non-secure side cannot read the secure weights (exit 0 only if it faults)',
    )
    .option('--quiet', 'print only the summary')
    .option('--json', 'print one JSON object')
    .option('--verbose', 'show the output of the firmware build')
    .action(async (name: string, flags: DemoFlags) => {
      if (name !== 'sine') throw new UsageError(`unknown demo "${name}"`, 'available demos: sine');
      if (flags.platform === 'trustzone') return runTrustZoneDemo(flags, io);
      if (flags.checkIsolation) throw new UsageError('--check-isolation needs --platform trustzone');
      const session = await openDemoSession(flags, io);
      try {
        const printLine =
          flags.json || flags.quiet
            ? undefined
            : (l: Parameters<typeof formatSineLine>[0]) => io.out(`${formatSineLine(l)}\n`);
        const summary = await runSineDemo(session, printLine);
        const where =
          session.device === 'micro' ? `micro (QEMU ${flags.board ?? DEFAULT_BOARD})` : session.device;
        if (flags.json) {
          json(io, { device: session.device, ...summary });
          return;
        }
        io.out(
          `\n${keyValues([
            ['device', where],
            ['max deviation', summary.maxDeviation.toFixed(4)],
            ['mean deviation', summary.meanDeviation.toFixed(4)],
          ])}`,
        );
      } finally {
        await session.close();
      }
    });
}
