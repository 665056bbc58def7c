/** `tinyforge demo sine [--device host]` — the example model, degree by degree. */
import type { Command } from 'commander';
import { formatSineLine, runSineDemo, sineModelPath } from '../demo/sine.js';
import { UsageError } from '../errors.js';
import { openSession } from '../run/devices.js';
import { type CliIO, json, keyValues } from './io.js';

interface DemoFlags {
  device: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerDemoCommand(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description('run a built-in demo end to end (sine: the example int8 model for 0..359 degrees)')
    .argument('<name>', 'demo name: sine')
    .option('--device <name>', 'where to run the model', 'host')
    .option('--quiet', 'print only the summary')
    .option('--json', 'print one JSON object')
    .action(async (name: string, flags: DemoFlags) => {
      if (name !== 'sine') throw new UsageError(`unknown demo "${name}"`, 'available demos: sine');
      const session = await openSession(flags.device, { target: sineModelPath() });
      try {
        const printLine =
          flags.json || flags.quiet
            ? undefined
            : (l: Parameters<typeof formatSineLine>[0]) => io.out(`${formatSineLine(l)}\n`);
        const summary = await runSineDemo(session, printLine);
        if (flags.json) {
          json(io, { device: session.device, ...summary });
          return;
        }
        io.out(
          `\n${keyValues([
            ['device', session.device],
            ['max deviation', summary.maxDeviation.toFixed(4)],
            ['mean deviation', summary.meanDeviation.toFixed(4)],
          ])}`,
        );
      } finally {
        await session.close();
      }
    });
}
