import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { qemuBoards } from '../../../src/platforms/common/boards.js';
import { runQemu } from '../../../src/qemu/run-qemu.js';
import { buildFixture, HAVE_FIRMWARE_TOOLS, SKIP_REASON, tempDir, UartReader } from '../fixtures/firmware.js';

const out = tempDir('hello');
afterAll(() => out.remove());

const TIMEOUT_MS = 10_000;
const ECHO_BYTES = 3000;
const FAULT_EXIT = 125;

function u32le(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

describe.skipIf(!HAVE_FIRMWARE_TOOLS).each([...qemuBoards().values()])(
  `hello firmware on $name${SKIP_REASON}`,
  (board) => {
    const built = HAVE_FIRMWARE_TOOLS ? buildFixture(board, 'hello', out.path) : undefined;

    it('builds without a diagnostic, small, inside the memory map', async () => {
      const { diagnostics, size } = await built!;
      expect(diagnostics).toBe('');
      expect(size.stack).toBe(1024);
      expect(size.ramBytes).toBe(size.stack + size.data + size.bss);
      expect(size.flashBytes).toBe(size.text + size.data);
      expect(size.text).toBeLessThan(2048);
      expect(size.data + size.bss).toBeLessThan(64);
    });

    it('boots, echoes binary data both ways and exits with the chosen code', async () => {
      const { elf } = await built!;
      await using qemu = await runQemu({ board, elf, timeoutMs: TIMEOUT_MS });
      const uart = new UartReader(qemu.socket);
      const fpu = board.fpu === 'none' ? 'soft' : 'hard';
      expect(await uart.line(), `float via ${fpu}`).toBe(`READY ${board.name} fpu=225 data=600dda7a bss=0`);
      const payload = Buffer.concat([Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x00]), randomBytes(ECHO_BYTES)]);
      qemu.socket.write(Buffer.concat([Buffer.from('E'), u32le(payload.length), payload]));
      expect((await uart.bytes(payload.length)).equals(payload)).toBe(true);
      qemu.socket.write(Buffer.from([0x58, 42]));
      expect((await qemu.exit).code).toBe(42);
    });

    it('reports a fault on the UART and exits non-zero', async () => {
      const { elf } = await built!;
      await using qemu = await runQemu({ board, elf, timeoutMs: TIMEOUT_MS });
      const uart = new UartReader(qemu.socket);
      await uart.line();
      qemu.socket.write('F');
      expect((await qemu.exit).code).toBe(FAULT_EXIT);
      expect(await uart.rest()).toMatch(
        /^\nFAULT HardFault CFSR=[0-9a-f]{8} HFSR=[0-9a-f]{8} PC=[0-9a-f]{8} LR=[0-9a-f]{8} ADDR=f0000000\n$/,
      );
    });
  },
);
