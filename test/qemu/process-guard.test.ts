import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qemuBoard } from '../../src/platforms/common/boards.js';
import { buildFixture, HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir } from '../platforms/fixtures/firmware.js';
import { isRunning, waitUntilGone } from './fixtures/pids.js';

const out = tempDir('guard');
afterAll(() => out.remove());

const HOLDER = join(import.meta.dirname, 'fixtures', 'hold-qemu.ts');

interface Holder {
  qemuPid: number;
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal: (s: NodeJS.Signals) => void;
}

async function startHolder(elf: string, mode: string): Promise<Holder> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, elf, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let text = '';
  for await (const chunk of child.stdout) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  const qemuPid = Number(text.trim());
  if (!Number.isInteger(qemuPid) || qemuPid <= 0) {
    child.kill('SIGKILL');
    throw new Error(`holder printed no pid: ${JSON.stringify(text)}`);
  }
  return { qemuPid, ended, signal: (s) => child.kill(s) };
}

describe.skipIf(!HAVE_FIRMWARE_TOOLS)(`no orphan QEMU when the host process ends${SKIP_REASON}`, () => {
  const built = HAVE_FIRMWARE_TOOLS ? buildFixture(qemuBoard('mps2-an386'), 'hello', out.path) : undefined;

  it('kills QEMU when the process calls process.exit', async () => {
    const holder = await startHolder((await built!).elf, 'exit');
    expect(await holder.ended).toEqual({ code: 3, signal: null });
    expect(await waitUntilGone(holder.qemuPid)).toBe(true);
  });

  it('kills QEMU when the process dies of an uncaught exception', async () => {
    const holder = await startHolder((await built!).elf, 'throw');
    expect((await holder.ended).code).not.toBe(0);
    expect(await waitUntilGone(holder.qemuPid)).toBe(true);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('kills QEMU on %s and still dies of the signal', async (signal) => {
    const holder = await startHolder((await built!).elf, 'wait');
    expect(isRunning(holder.qemuPid)).toBe(true);
    holder.signal(signal);
    expect(await holder.ended).toEqual({ code: null, signal });
    expect(await waitUntilGone(holder.qemuPid)).toBe(true);
  });
});
