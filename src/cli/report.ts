/** `tinyforge report results.json [more.json …] -o DIR` — report.md and a self-contained report.html. */
import type { Command } from 'commander';
import type { CliIO } from './io.js';
import { packageVersion } from './main.js';

interface ReportFlags {
  output: string;
}

export function registerReportCommand(program: Command, io: CliIO): void {
  program
    .command('report')
    .description('write report.md and report.html from eval results; several files are compared')
    .argument('<results...>', 'results .json files from `tinyforge eval`')
    .requiredOption('-o, --output <dir>', 'output folder')
    .action(async (files: string[], flags: ReportFlags) => {
      // The chart renderer is large; load it only for this command.
      const { writeReport } = await import('../report/report.js');
      const written = await writeReport(files, flags.output, packageVersion());
      io.out(
        `${written.markdown}\n${written.html}\n${written.charts.length} charts in ${flags.output}/charts\n`,
      );
    });
}
