import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TransportError } from '../../../src/errors.js';
import { QemuTransport } from '../../../src/platforms/qemu/qemu-transport.js';
import type { QemuExit, QemuHandle } from '../../../src/qemu/run-qemu.js';
import { connectWhenListening, freePort } from '../../../src/qemu/tcp.js';

/** A stand-in for QEMU: a TCP peer that writes `text`, hangs up, and "exits" with `exit`. */
async function fakeQemu(text: string, exit: QemuExit): Promise<QemuHandle> {
  const port = await freePort();
  const server = createServer((peer: Socket) => peer.end(text, () => server.close()));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const socket = (await connectWhenListening(port, () => false))!;
  return { socket, exit: Promise.resolve(exit) } as unknown as QemuHandle;
}

function closeError(transport: QemuTransport): Promise<Error | undefined> {
  return new Promise((resolve) => transport.onClose(resolve));
}

describe('QemuTransport', () => {
  it("names the firmware's FAULT line when QEMU stops mid-session", async () => {
    const fault = 'FAULT HardFault CFSR=00008200 HFSR=40000000 PC=000000a4 LR=00000095';
    const qemu = await fakeQemu(`noise\n${fault}\n`, {
      code: 125,
      signal: null,
      stdout: '',
      stderr: 'tf-insn-count 5\n',
    });
    const error = await closeError(new QemuTransport(qemu));
    expect(error).toBeInstanceOf(TransportError);
    expect(error!.message).toBe(`QEMU stopped during the session: ${fault}`);
  });

  it('otherwise gives the exit status and what QEMU printed', async () => {
    const qemu = await fakeQemu('', { code: 1, signal: null, stdout: '', stderr: 'qemu: something broke\n' });
    const error = await closeError(new QemuTransport(qemu));
    expect(error!.message).toBe(
      'QEMU stopped during the session: the firmware exited with status 1\nqemu: something broke',
    );
  });
});
