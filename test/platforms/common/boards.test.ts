import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { parseBoards, qemuBoard, qemuBoards } from '../../../src/platforms/common/boards.js';

describe('qemu boards.json', () => {
  it('has the five emulated boards with their cores', () => {
    const cores = Object.fromEntries([...qemuBoards().values()].map((b) => [b.name, b.cpu]));
    expect(cores).toEqual({
      'mps2-an385': 'cortex-m3',
      'mps2-an386': 'cortex-m4',
      'mps2-an500': 'cortex-m7',
      'mps2-an505': 'cortex-m33',
      'mps3-an547': 'cortex-m55',
    });
  });

  it('parses hex addresses into numbers', () => {
    const an547 = qemuBoard('mps3-an547');
    expect(an547.flash).toEqual({ origin: 0x10000000, size: 512 * 1024 });
    expect(an547.ram).toEqual({ origin: 0x30000000, size: 512 * 1024 });
    expect(an547.uartBase).toBe(0x59303000);
    expect(an547.systickHz).toBe(32_000_000);
    expect(an547.mve).toBe(true);
    expect(qemuBoard('mps2-an385').gcc).toEqual({ mcpu: 'cortex-m3', mfpu: null, mfloatAbi: 'soft' });
  });

  it('keeps flash and RAM apart on every board', () => {
    for (const b of qemuBoards().values()) {
      const flashEnd = b.flash.origin + b.flash.size;
      const ramEnd = b.ram.origin + b.ram.size;
      expect(flashEnd <= b.ram.origin || ramEnd <= b.flash.origin, b.name).toBe(true);
      expect(b.fpu === 'none', b.name).toBe(b.gcc.mfloatAbi === 'soft');
      expect(b.qemuMachine, b.name).toBe(b.name);
    }
  });

  it('names the known boards when asked for an unknown one', () => {
    expect(() => qemuBoard('mps2-an999')).toThrow(ConfigError);
    expect(() => qemuBoard('mps2-an999')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('mps3-an547') }),
    );
  });

  it('rejects a malformed entry with its path', () => {
    const entry = { ...structuredClone(qemuBoard('mps2-an386')), name: undefined };
    const broken = { x: { ...entry, flash: { origin: '4096', size: '0x1000' }, uartBase: '0x40004000' } };
    expect(() => parseBoards(broken, 'boards.json')).toThrow(/boards\.json: x\.flash\.origin/);
  });
});
