import { describe, expect, it } from 'vitest';
import { PlanError } from '../../../src/errors.js';
import { qemuBoard } from '../../../src/platforms/common/boards.js';
import { checkModelFits, linkOverflow, modelRamBytes } from '../../../src/platforms/common/memory-fit.js';

const memory = {
  inputBytes: 100,
  outputBytes: 10,
  activationBytes: 400_000,
  scratchBytes: 1000,
  persistentBytes: 0,
};
const m55 = qemuBoard('mps3-an547');

describe('memory fit', () => {
  it('adds the model buffers and the stack', () => {
    expect(modelRamBytes(memory, 4096)).toBe(405_206);
    expect(() => checkModelFits(m55, memory, 4096)).not.toThrow();
  });
  it('refuses with required against available bytes before compiling', () => {
    const big = { ...memory, activationBytes: 600_000 };
    expect(() => checkModelFits(m55, big, 4096)).toThrow(PlanError);
    expect(() => checkModelFits(m55, big, 4096)).toThrow(
      'the model does not fit mps3-an547: RAM needs 605,206 bytes (arena 601,000 + inputs/outputs 110 + stack 4,096, before any code), the board has 524,288 (80,918 bytes short)',
    );
  });
  it("turns ld's region overflow into the same message", () => {
    const ld =
      "ld: firmware.elf section `.text' will not fit in region `FLASH'\nld: region `FLASH' overflowed by 1234 bytes\n";
    const e = linkOverflow(m55, ld, memory);
    expect(e?.message).toBe(
      'the model does not fit mps3-an547: FLASH needs 525,522 bytes (code and weights), the board has 524,288 (1,234 bytes short)',
    );
    expect(linkOverflow(m55, 'undefined reference to `foo', memory)).toBeNull();
  });
});
