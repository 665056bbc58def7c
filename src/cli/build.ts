/** `tinyforge build DIR` — compile the project's firmware and show it against the board's memory. */
import type { Command } from 'commander';
import type { SizeReport } from '../platforms/common/size-report.js';
import { buildProject } from '../platforms/project.js';
import type { BuildResult, ModelSummary, PartitionUsage } from '../platforms/types.js';
import { type CliIO, json, keyValues } from './io.js';
import { registerProjectStage } from './project-stage.js';

type Built = BuildResult & { model: ModelSummary };

const n = (v: number): string => v.toLocaleString('en-US');
const pct = (used: number, size: number): string => `${((100 * used) / size).toFixed(1)}%`;

/** Rows for text/data/bss and the model's arena, each against the board's flash or RAM. */
export function sizeRows(size: SizeReport, model: ModelSummary): [string, string][] {
  const m = model.memory;
  const arena = m.activationBytes + m.scratchBytes + m.persistentBytes;
  return [
    [
      'flash',
      `${n(size.flashBytes)} of ${n(size.flashSize)} bytes (${pct(size.flashBytes, size.flashSize)})`,
    ],
    ['  text', `${n(size.text)} (code, weights and constants)`],
    ['  data', `${n(size.data)} (initial values)`],
    ['RAM', `${n(size.ramBytes)} of ${n(size.ramSize)} bytes (${pct(size.ramBytes, size.ramSize)})`],
    ['  stack', n(size.stack)],
    ['  data + bss', n(size.data + size.bss)],
    [
      '  model arena',
      `${n(arena)} (in bss: activations ${n(m.activationBytes)}, scratch ${n(m.scratchBytes)}, persistent ${n(m.persistentBytes)})`,
    ],
    ['  model I/O', `${n(m.inputBytes + m.outputBytes)} (in bss)`],
  ];
}

/** One row per partition of a multi-image firmware (TrustZone's secure / non-secure split). */
export function partitionRows(partitions: PartitionUsage[]): [string, string][] {
  return partitions.map((p) => [
    p.name,
    `${n(p.used)} of ${n(p.size)} bytes (${pct(p.used, p.size)}) at 0x${p.origin.toString(16)}: ${p.detail}`,
  ]);
}

export function registerBuildCommand(program: Command, io: CliIO): void {
  registerProjectStage<Built>(program, io, {
    name: 'build',
    description: "build a project's firmware (cmake + arm-none-eabi-gcc) and check it fits the board",
    async run(dir, overrides, reporter) {
      const { project, ...result } = await buildProject(dir, { overrides, reporter });
      return { ...result, model: project.model };
    },
    print(r, flags) {
      if (flags.json) {
        json(io, r);
        return;
      }
      io.out(
        keyValues([
          ['firmware', r.image],
          ...(r.size ? sizeRows(r.size, r.model) : []),
          ...(r.partitions ? partitionRows(r.partitions) : []),
        ]),
      );
    },
  });
}
