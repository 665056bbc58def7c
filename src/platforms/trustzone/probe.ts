/**
 * The isolation probe of a TrustZone project (runtime/platform/trustzone/tf_tz_ns_probe.c)
 * under QEMU: its UART text read back and judged. The probe calls the secure entries with
 * pointers into secure memory (each must be refused with BAD_POINTER), then reads the secure
 * weights from the non-secure side, which must raise a SecureFault the secure image reports.
 */
import { runQemu } from '../../qemu/run-qemu.js';
import { int } from '../options.js';
import { openProject } from '../project.js';
import type { OptionValue } from '../types.js';
import { qemuBoardOf, STAGED_PROBE, stagedImage } from './platform.js';

/** TF_SEC_* (runtime/secure/tf_secure_core.h), by value. */
export const SECURE_STATUS = [
  'OK',
  'NOT_READY',
  'BAD_COUNT',
  'BAD_SIZE',
  'BAD_POINTER',
  'BAD_INDEX',
  'INVOKE',
  'RESET',
  'TRANSFER',
] as const;
export const BAD_POINTER = SECURE_STATUS.indexOf('BAD_POINTER');
const CONTROL = 'valid call';

export interface ProbeAttempt {
  what: string;
  status: number;
}

export interface IsolationReport {
  /** The valid call every refusal is compared with (status 0 when the model works). */
  control: ProbeAttempt | undefined;
  /** Calls with a pointer into secure memory or past non-secure RAM. */
  attempts: ProbeAttempt[];
  /** Every attempt came back BAD_POINTER. */
  pointersRefused: boolean;
  /** The secure image reported a SecureFault raised by the non-secure read. */
  readFaulted: boolean;
  /** The fault line, as the firmware printed it. */
  fault: string | undefined;
  weightsAddress: number | undefined;
  /** QEMU's exit status: 125 after a reported fault. */
  exitCode: number | null;
  /** Everything the probe printed. */
  transcript: string;
}

const ATTEMPT = /^probe: (.+) -> status (-?\d+)$/;
const TARGET = /^probe: reading the secure weights at 0x([0-9a-f]{8})/;
const FAULT = /^FAULT SecureFault .*\bfrom non-secure\b.*$/;

export function parseProbeOutput(transcript: string, exitCode: number | null): IsolationReport {
  const lines = transcript.split('\n').map((l) => l.trimEnd());
  const all: ProbeAttempt[] = [];
  let weightsAddress: number | undefined;
  for (const line of lines) {
    const attempt = ATTEMPT.exec(line);
    if (attempt) all.push({ what: attempt[1]!, status: Number(attempt[2]) });
    const target = TARGET.exec(line);
    if (target) weightsAddress = Number.parseInt(target[1]!, 16);
  }
  const attempts = all.filter((a) => a.what !== CONTROL);
  const fault = lines.find((l) => FAULT.test(l));
  return {
    control: all.find((a) => a.what === CONTROL),
    attempts,
    pointersRefused: attempts.length > 0 && attempts.every((a) => a.status === BAD_POINTER),
    readFaulted: fault !== undefined,
    fault,
    weightsAddress,
    exitCode,
    transcript,
  };
}

/** Runs the staged probe of a built and flashed project; `overrides` as for `run`. */
export async function runIsolationProbe(
  dir: string,
  overrides: Readonly<Record<string, OptionValue>> = {},
): Promise<IsolationReport> {
  const { options, platform } = await openProject(dir, 'run', overrides);
  await platform.dispose?.();
  const qemu = await runQemu({
    board: qemuBoardOf(options),
    elf: stagedImage(dir, STAGED_PROBE),
    timeoutMs: int(options, 'timeout') * 1000,
  });
  const chunks: Buffer[] = [];
  qemu.socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  // QEMU may be gone before the last UART bytes are read: wait for the socket to drain too.
  const drained = new Promise<void>((resolve) => qemu.socket.once('close', () => resolve()));
  try {
    const { code } = await qemu.exit;
    await drained;
    return parseProbeOutput(Buffer.concat(chunks).toString('latin1'), code);
  } finally {
    await qemu.kill();
  }
}
