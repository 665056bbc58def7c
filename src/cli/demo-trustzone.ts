/**
 * `tinyforge demo sine --platform trustzone [--board mps2-an521|mps2-an505] [--check-isolation]`:
 * the sine model in the secure world of an emulated Cortex-M33, one `[secure] inference` line
 * per degree; or, with --check-isolation, the isolation probe of the same project: exit 0 only
 * if the non-secure read of the secure weights faulted and every secure pointer was refused.
 */
import { formatSecureSineLine, runSecureSineDemo, trustZoneSineProject } from '../demo/sine-trustzone.js';
import { DeviceError } from '../errors.js';
import { DEFAULT_BOARD } from '../platforms/trustzone/platform.js';
import { type IsolationReport, runIsolationProbe, SECURE_STATUS } from '../platforms/trustzone/probe.js';
import { openMicro } from '../run/micro.js';
import { type CliIO, json, keyValues } from './io.js';
import { packageVersion } from './main.js';
import { withProgress } from './progress.js';

export interface TrustZoneDemoFlags {
  board?: string;
  checkIsolation?: boolean;
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

const statusName = (s: number): string => SECURE_STATUS[s] ?? String(s);

function printIsolation(io: CliIO, r: IsolationReport, board: string): void {
  const rows: [string, string][] = [
    ['board', `${board} (QEMU)`],
    ['valid call', r.control ? statusName(r.control.status) : 'missing'],
    ...r.attempts.map((a): [string, string] => [a.what, statusName(a.status)]),
    [
      'secure weights read',
      r.readFaulted
        ? `faulted (${r.fault ?? ''})`
        : `did NOT fault${r.weightsAddress === undefined ? '' : ` at 0x${r.weightsAddress.toString(16)}`}`,
    ],
    [
      'verdict',
      r.readFaulted && r.pointersRefused
        ? "isolated: the secure weights are out of the non-secure side's reach"
        : 'NOT isolated',
    ],
  ];
  io.out(keyValues(rows));
}

async function checkIsolation(
  io: CliIO,
  flags: TrustZoneDemoFlags,
  dir: string,
  board: string,
): Promise<void> {
  const report = await runIsolationProbe(dir);
  if (flags.json) json(io, { board, ...report });
  else printIsolation(io, report, board);
  if (!report.readFaulted || !report.pointersRefused) {
    throw new DeviceError(
      report.exitCode ?? -1,
      report.readFaulted
        ? 'a secure entry accepted a pointer into secure memory'
        : 'the non-secure read of the secure weights did not fault: secure memory is NOT isolated',
      'check the SAU set-up in trustzone/tf_tz_config.c and the entries in tf_tz_entry.c',
    );
  }
}

export async function runTrustZoneDemo(flags: TrustZoneDemoFlags, io: CliIO): Promise<void> {
  const board = flags.board ?? DEFAULT_BOARD;
  const dir = await withProgress(io, Boolean(flags.verbose), (reporter) =>
    trustZoneSineProject(board, reporter, packageVersion()),
  );
  if (flags.checkIsolation) return checkIsolation(io, flags, dir, board);
  const session = await openMicro(dir);
  try {
    const print =
      flags.json || flags.quiet
        ? undefined
        : (l: Parameters<typeof formatSecureSineLine>[0]) => io.out(`${formatSecureSineLine(l)}\n`);
    const summary = await runSecureSineDemo(session, print);
    if (flags.json) {
      json(io, { device: session.device, platform: 'trustzone', board, ...summary });
      return;
    }
    io.out(
      `\n${keyValues([
        ['device', `micro (trustzone, QEMU ${board}: model in the secure world)`],
        ['max deviation', summary.maxDeviation.toFixed(4)],
        ['mean deviation', summary.meanDeviation.toFixed(4)],
      ])}`,
    );
  } finally {
    await session.close();
  }
}
