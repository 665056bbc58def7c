import { describe, expect, it } from 'vitest';
import { qemuBoard } from '../../../src/platforms/common/boards.js';
import { parseSizeOutput } from '../../../src/platforms/common/size-report.js';

const SIZE_A = `fw.elf  :
section            size        addr
.text              1164           0
.stack             1024   536870912
.data                 8   536871936
.bss                  4   536871944
.debug_info        5529           0
.comment             38           0
.ARM.attributes      54           0
Total             7821
`;

describe('parseSizeOutput', () => {
  it('sums flash (text + data image) and RAM (stack + data + bss), ignoring debug sections', () => {
    const report = parseSizeOutput(SIZE_A, qemuBoard('mps2-an386'));
    expect(report).toMatchObject({
      text: 1164,
      data: 8,
      bss: 4,
      stack: 1024,
      flashBytes: 1172,
      ramBytes: 1036,
    });
    expect(report.sections.map((s) => s.name)).toEqual(['.text', '.stack', '.data', '.bss']);
    expect(report.flashSize).toBe(4 * 1024 * 1024);
  });

  it('places an unexpected section by its address', () => {
    const report = parseSizeOutput(`${SIZE_A}.noinit 100 536871948\n`, qemuBoard('mps2-an386'));
    expect(report.ramBytes).toBe(1136);
  });
});
