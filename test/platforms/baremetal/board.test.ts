import { describe, expect, it } from 'vitest';
import {
  baremetalBoard,
  cmsdkBaudDiv,
  parseAddress,
  parseBytes,
} from '../../../src/platforms/baremetal/board.js';
import { baremetalPlatform, flashCommandLine } from '../../../src/platforms/baremetal/platform.js';
import { resolveOptions } from '../../../src/platforms/options.js';

const base = {
  cpu: 'cortex-m4',
  'flash-size': '512K',
  'ram-size': '128K',
  'uart-base': '0x40004000',
  'cpu-hz': 48_000_000,
};

describe('baremetal board from options', () => {
  it('parses sizes and addresses', () => {
    expect(parseBytes('512K', 'x')).toBe(524_288);
    expect(parseBytes('1M', 'x')).toBe(1_048_576);
    expect(parseBytes('0x8000', 'x')).toBe(32_768);
    expect(parseBytes('65536', 'x')).toBe(65_536);
    expect(() => parseBytes('lots', 'ram-size')).toThrow(/option ram-size: "lots" is not a size/);
    expect(parseAddress('0x20000000', 'x')).toBe(0x2000_0000);
    expect(() => parseAddress('0x1_0000_0000', 'x')).toThrow(/not an address/);
  });

  it('derives the gcc flags from the CPU and the FPU choice', () => {
    const o = resolveOptions(baremetalPlatform, 'build', base);
    const board = baremetalBoard(o);
    expect(board.gcc).toEqual({ mcpu: 'cortex-m4', mfpu: 'fpv4-sp-d16', mfloatAbi: 'hard' });
    expect(board).toMatchObject({
      flash: { origin: 0, size: 524_288 },
      ram: { origin: 0x2000_0000, size: 131_072 },
    });
    const soft = baremetalBoard(resolveOptions(baremetalPlatform, 'build', { ...base, fpu: false }));
    expect(soft.gcc).toEqual({ mcpu: 'cortex-m4', mfpu: null, mfloatAbi: 'soft' });
    expect(cmsdkBaudDiv(o)).toBe(417);
  });

  it('checks the memory map and the UART choice', () => {
    expect(() => resolveOptions(baremetalPlatform, 'build', { ...base, 'ram-origin': '0x0' })).toThrow(
      /overlap/,
    );
    const { 'uart-base': _, ...noUart } = base;
    expect(() => resolveOptions(baremetalPlatform, 'create-project', noUart)).toThrow(/uart=cmsdk needs/);
    expect(() => resolveOptions(baremetalPlatform, 'create-project', { ...base, uart: 'custom' })).toThrow(
      /uart=custom needs your driver/,
    );
  });

  it('fills the flash command placeholders with quoted absolute paths', () => {
    expect(flashCommandLine('pyocd flash -t stm32f429zi {hex}', '/p q')).toBe(
      "pyocd flash -t stm32f429zi '/p q/build/firmware.hex'",
    );
    expect(flashCommandLine('openocd -c "program {elf} verify reset exit"', '/p')).toBe(
      `openocd -c "program '/p/build/firmware.elf' verify reset exit"`,
    );
  });
});
