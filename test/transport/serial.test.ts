/** The serial transport over QEMU's `-serial pty` (the same path a board's USB-UART takes). */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { qemuBoard } from '../../src/platforms/common/boards.js';
import { openSerial } from '../../src/transport/serial.js';
import { buildFixture, HAVE_FIRMWARE_TOOLS, tempDir } from '../platforms/fixtures/firmware.js';

const out = tempDir('serial');
afterAll(() => out.remove());

describe('serial transport', () => {
  it('a missing port is a TransportError that names it', async () => {
    await expect(openSerial({ path: '/dev/tinyforge-no-such-port' })).rejects.toBeInstanceOf(TransportError);
    await expect(openSerial({ path: '/dev/tinyforge-no-such-port' })).rejects.toThrow(
      /tinyforge-no-such-port/,
    );
  });

  it.skipIf(!HAVE_FIRMWARE_TOOLS)('moves binary data both ways through a QEMU pty', async () => {
    const fw = await buildFixture(qemuBoard('mps2-an386'), 'hello', out.path);
    const qemu = spawn('qemu-system-arm', [
      '-M',
      'mps2-an386',
      '-nographic',
      '-monitor',
      'none',
      '-serial',
      'pty',
      '-semihosting-config',
      'enable=on,target=native',
      '-kernel',
      fw.elf,
    ]);
    try {
      let banner = '';
      qemu.stderr.on('data', (d: Buffer) => {
        banner += d.toString();
      });
      qemu.stdout.on('data', (d: Buffer) => {
        banner += d.toString();
      });
      while (!/\/dev\/pts\/\d+/.test(banner)) await once(qemu.stdout, 'data');
      const path = /\/dev\/pts\/\d+/.exec(banner)![0];
      const port = await openSerial({ path });
      let received = Buffer.alloc(0);
      port.onData((c) => {
        received = Buffer.concat([received, c]);
      });
      // Output before the host opened the pty is lost (DEVICES.md): the echo proves the path.
      const payload = Buffer.from([0x00, 0xff, 0x7e, 0x00, 0x41, 0x80, 0x01, 0xfe]);
      const header = Buffer.alloc(5);
      header.write('E', 0);
      header.writeUInt32LE(payload.length, 1);
      await port.write(Buffer.concat([header, payload]));
      const deadline = Date.now() + 10_000;
      while (!received.includes(payload) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(received.includes(payload)).toBe(true);
      await port.close();
    } finally {
      qemu.kill('SIGKILL');
    }
  });
});
