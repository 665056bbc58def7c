/** `tinyforge run MODEL.tflite [--device host]` — tvmc-style run with inputs, outputs and timing. */
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { writeNpz } from '../io/npy.js';
import { dequantize } from '../io/values.js';
import { parseAssignments } from '../platforms/options.js';
import { deviceNames, openSession } from '../run/devices.js';
import type { FillMode } from '../run/inputs.js';
import { type RunResult, runSession, topN } from '../run/run.js';
import type { DType } from '../tflite/schema.js';
import { type CliIO, json, keyValues, table } from './io.js';
import { withProgress } from './progress.js';

interface RunFlags {
  device: string;
  fillMode: FillMode;
  seed: string;
  inputs?: string;
  outputs?: string;
  printTop?: string;
  printTime?: boolean;
  repeat: string;
  number: string;
  json?: boolean;
  quantizeInputs?: boolean;
  verbose?: boolean;
  projectOption?: string[];
}

function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a whole number >= 1, got "${v}"`);
  return n;
}

export function registerRunCommand(program: Command, io: CliIO): void {
  program
    .command('run')
    .description('run a model on a device and print or save its outputs')
    .argument('<target>', '.tflite model (host, native) or project directory (micro)')
    .addOption(new Option('--device <name>', 'where to run').default('host'))
    .addOption(
      new Option('--fill-mode <mode>', 'input values when no --inputs file')
        .choices(['zeros', 'ones', 'random'])
        .default('random'),
    )
    .option('--seed <n>', 'seed for --fill-mode random', '0')
    .option(
      '-i, --inputs <file>',
      'inputs: .npz keyed by input name (or input_<i>), .npy or raw .bin for one input',
    )
    .option('-o, --outputs <file>', 'write outputs to an .npz keyed by output name')
    .option('--print-top <n>', 'print the N largest entries of each output (raw and dequantized)')
    .option('--print-time', 'print inference time statistics')
    .option('--repeat <n>', 'timing: number of measurements', '1')
    .option('--number <n>', 'timing: invocations per measurement', '1')
    .option('--quantize-inputs', 'quantize float inputs with the model input scale/zero point')
    .option('--json', 'print one JSON object')
    .option('--verbose', 'show tool output of build steps')
    .option(
      '--project-option <name=value>',
      'micro: override a stored project option for this run, repeatable (e.g. counter=exact)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .action(async (target: string, flags: RunFlags) => {
      if (!deviceNames().includes(flags.device)) {
        throw new UsageError(
          `unknown device "${flags.device}"`,
          `choose one of: ${deviceNames().join(', ')}`,
        );
      }
      const projectOptions = parseAssignments(flags.projectOption ?? []);
      const session = await withProgress(io, Boolean(flags.verbose), (reporter) =>
        openSession(flags.device, { target, verbose: flags.verbose, reporter, projectOptions }),
      );
      let result: RunResult;
      try {
        result = await runSession(session, {
          inputsFile: flags.inputs,
          fillMode: flags.fillMode,
          seed: Number(flags.seed) || 0,
          quantizeInputs: flags.quantizeInputs,
          repeat: positiveInt('repeat', flags.repeat),
          number: positiveInt('number', flags.number),
          time: flags.printTime,
        });
      } finally {
        await session.close();
      }
      if (flags.outputs) writeOutputs(flags.outputs, result);
      const top = flags.printTop ? positiveInt('print-top', flags.printTop) : 0;
      if (flags.json) json(io, runJson(result, top));
      else io.out(formatRun(result, top, Boolean(flags.printTime)));
    });
}

function writeOutputs(path: string, r: RunResult): void {
  const arrays = new Map(
    r.outputs.map((o) => [o.spec.name, { dtype: o.spec.dtype as DType, shape: o.spec.shape, data: o.bytes }]),
  );
  writeFileSync(path, writeNpz(arrays));
}

function runJson(r: RunResult, top: number) {
  return {
    device: r.device,
    outputs: r.outputs.map((o) => ({
      name: o.spec.name,
      dtype: o.spec.dtype,
      shape: o.spec.shape,
      values: dequantize(o.spec.dtype, o.bytes, null, null),
      dequantized:
        o.spec.scale === null ? undefined : dequantize(o.spec.dtype, o.bytes, o.spec.scale, o.spec.zeroPoint),
      top: top ? topN(o, top) : undefined,
    })),
    timing: r.timing,
    stats: r.stats && r.stats.unit !== 'ms' ? r.stats : undefined,
  };
}

function formatRun(r: RunResult, top: number, time: boolean): string {
  const parts: string[] = [];
  for (const o of r.outputs) {
    parts.push(`output "${o.spec.name}" ${o.spec.dtype} [${o.spec.shape}]`);
    if (top) {
      parts.push(
        table(
          ['index', 'raw', 'value'],
          topN(o, top).map((e) => [e.index, e.raw, e.value]),
        ),
      );
    } else {
      const v = dequantize(o.spec.dtype, o.bytes, null, null);
      const shown = v.slice(0, 64).join(' ');
      parts.push(`${shown}${v.length > 64 ? ` … (${v.length} values)` : ''}\n`);
    }
  }
  if (time && r.timing) {
    const t = r.timing;
    parts.push(
      keyValues([
        ['device', r.device],
        ['mean ms', t.meanMs],
        ['median ms', t.medianMs],
        ['std ms', t.stdMs],
        ['min ms', t.minMs],
        ['max ms', t.maxMs],
        ['repeat x number', `${t.repeat} x ${t.number}`],
      ]),
    );
  }
  if (r.stats && r.stats.unit !== 'ms') parts.push(keyValues([[r.stats.unit, r.stats.total]]));
  return parts.join('\n');
}
