import { describe, expect, it } from 'vitest';
import { qemuBoard } from '../../../src/platforms/common/boards.js';
import { boardDefines, compileFlags, cpuFlags, linkFlags } from '../../../src/platforms/common/toolchain.js';

describe('toolchain flags', () => {
  it('selects the core, FPU and float ABI of each board', () => {
    expect(cpuFlags(qemuBoard('mps2-an385'))).toEqual(['-mthumb', '-mcpu=cortex-m3', '-mfloat-abi=soft']);
    expect(cpuFlags(qemuBoard('mps2-an386'))).toEqual([
      '-mthumb',
      '-mcpu=cortex-m4',
      '-mfpu=fpv4-sp-d16',
      '-mfloat-abi=hard',
    ]);
    expect(cpuFlags(qemuBoard('mps3-an547'))).toContain('-mcpu=cortex-m55');
  });

  it('passes the board facts the C runtime needs', () => {
    expect(boardDefines(qemuBoard('mps2-an505'))).toEqual([
      '-DTF_UART_BASE=0x50200000u',
      '-DTF_SYSTICK_HZ=20000000u',
      '-DTF_BOARD_NAME="mps2-an505"',
    ]);
  });

  it('compiles C99 with warnings as errors and links without crt0, dropping unused sections', () => {
    const flags = compileFlags(qemuBoard('mps2-an386'), 'O2');
    expect(flags).toEqual(expect.arrayContaining(['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2']));
    expect(flags).toContain('--specs=picolibc.specs');
    expect(linkFlags('fw.ld', 'fw.map')).toEqual([
      '-nostartfiles',
      '-T',
      'fw.ld',
      '-Wl,--gc-sections',
      '-Wl,-Map=fw.map',
    ]);
  });
});
