import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DeviceTimeoutError, ToolNotFoundError } from '../../src/errors.js';
import { qemuBoard } from '../../src/platforms/common/boards.js';
import { liveChildCount } from '../../src/qemu/process-guard.js';
import { qemuArgs } from '../../src/qemu/qemu-command.js';
import { runQemu } from '../../src/qemu/run-qemu.js';
import {
  buildFixture,
  HAVE_FIRMWARE_TOOLS,
  SKIP_REASON,
  tempDir,
  UartReader,
} from '../platforms/fixtures/firmware.js';
import { isRunning, waitUntilGone } from './fixtures/pids.js';

const out = tempDir('run-qemu');
afterAll(() => out.remove());

const THIS_FILE = import.meta.filename;

describe('qemuArgs', () => {
  it('wires the UART to a waiting TCP server, semihosting on, optional icount and plugin', () => {
    const board = qemuBoard('mps3-an547');
    const args = qemuArgs({ board, elf: 'fw.elf', port: 4321, icount: true, pluginPath: '/p.so' }).join(' ');
    expect(args).toContain('-M mps3-an547 -nographic -monitor none');
    expect(args).toContain('-serial tcp:127.0.0.1:4321,server=on,wait=on,nodelay=on');
    expect(args).toContain('-semihosting-config enable=on,target=native');
    expect(args).toContain('-kernel fw.elf');
    expect(args).toContain('-icount shift=0,align=off,sleep=off');
    expect(args).toContain('-plugin /p.so -d plugin');
    const plain = qemuArgs({ board, elf: 'fw.elf', port: 1, icount: false }).join(' ');
    expect(plain).not.toMatch(/icount|plugin/);
  });
});

describe('runQemu without a usable QEMU', () => {
  const saved = { PATH: process.env.PATH, TINYFORGE_QEMU: process.env.TINYFORGE_QEMU };
  afterEach(() => {
    process.env.PATH = saved.PATH;
    if (saved.TINYFORGE_QEMU === undefined) delete process.env.TINYFORGE_QEMU;
    else process.env.TINYFORGE_QEMU = saved.TINYFORGE_QEMU;
  });

  it('throws ToolNotFoundError with the apt-get hint when qemu-system-arm is not on PATH', async () => {
    process.env.PATH = '/nonexistent';
    delete process.env.TINYFORGE_QEMU;
    const run = runQemu({ board: 'mps2-an386', elf: THIS_FILE, timeoutMs: 1000 });
    await expect(run).rejects.toBeInstanceOf(ToolNotFoundError);
    await expect(run).rejects.toMatchObject({
      hint: expect.stringMatching(/apt-get install .*qemu-system-arm/),
    });
  });

  it('throws ToolNotFoundError when TINYFORGE_QEMU names a missing program', async () => {
    process.env.TINYFORGE_QEMU = '/nonexistent/qemu-system-arm';
    const run = runQemu({ board: 'mps2-an386', elf: THIS_FILE, timeoutMs: 1000 });
    await expect(run).rejects.toBeInstanceOf(ToolNotFoundError);
  });

  it('names a missing ELF and an unknown board', async () => {
    await expect(
      runQemu({ board: 'mps2-an386', elf: '/no/such.elf', timeoutMs: 1000 }),
    ).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    await expect(runQemu({ board: 'nope', elf: THIS_FILE, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'CONFIG',
      hint: expect.stringContaining('mps2-an386'),
    });
  });
});

describe.skipIf(!HAVE_FIRMWARE_TOOLS)(`runQemu lifecycle${SKIP_REASON}`, () => {
  const built = HAVE_FIRMWARE_TOOLS ? buildFixture(qemuBoard('mps2-an386'), 'hello', out.path) : undefined;

  it('kills QEMU and rejects exit with DeviceTimeoutError when the firmware overruns', async () => {
    // The hello firmware waits for a command forever.
    const qemu = await runQemu({ board: 'mps2-an386', elf: (await built!).elf, timeoutMs: 1000 });
    await expect(qemu.exit).rejects.toBeInstanceOf(DeviceTimeoutError);
    expect(await waitUntilGone(qemu.pid)).toBe(true);
    expect(liveChildCount()).toBe(0);
  });

  it('kill() stops a running QEMU and exit reports the signal', async () => {
    const qemu = await runQemu({ board: 'mps2-an386', elf: (await built!).elf, timeoutMs: 10_000 });
    await new UartReader(qemu.socket).line();
    expect(isRunning(qemu.pid)).toBe(true);
    await qemu.kill();
    expect(await qemu.exit).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(await waitUntilGone(qemu.pid)).toBe(true);
    await qemu.kill();
  });

  it('disposal (await using) kills QEMU', async () => {
    let pid = 0;
    {
      await using qemu = await runQemu({ board: 'mps2-an386', elf: (await built!).elf, timeoutMs: 10_000 });
      pid = qemu.pid;
      await new UartReader(qemu.socket).line();
    }
    expect(await waitUntilGone(pid)).toBe(true);
    expect(liveChildCount()).toBe(0);
  });

  it('reports QEMU failing to start with its own message', async () => {
    const board = { ...qemuBoard('mps2-an386'), qemuMachine: 'no-such-machine' };
    const run = runQemu({ board, elf: (await built!).elf, timeoutMs: 10_000 });
    await expect(run).rejects.toMatchObject({
      code: 'TRANSPORT',
      message: expect.stringMatching(/exited before[\s\S]*unsupported machine type/),
    });
  });

  it('runs several QEMUs side by side on distinct ports', async () => {
    const { elf } = await built!;
    const runs = await Promise.all(
      [0, 1, 2].map(() => runQemu({ board: 'mps2-an386', elf, timeoutMs: 10_000 })),
    );
    expect(new Set(runs.map((r) => r.port)).size).toBe(3);
    await Promise.all(
      runs.map(async (qemu, i) => {
        await new UartReader(qemu.socket).line();
        qemu.socket.write(Buffer.from([0x58, 10 + i]));
        expect((await qemu.exit).code).toBe(10 + i);
      }),
    );
  });
});
