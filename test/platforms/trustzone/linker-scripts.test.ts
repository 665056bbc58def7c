import { describe, expect, it } from 'vitest';
import { trustZoneBoard } from '../../../src/platforms/trustzone/boards.js';
import { trustZoneLayout } from '../../../src/platforms/trustzone/layout.js';
import {
  nonSecureLinkerScript,
  secureLinkerScript,
} from '../../../src/platforms/trustzone/linker-scripts.js';

const layout = trustZoneLayout(trustZoneBoard('mps2-an505'), {
  secureFlash: 512,
  secureRam: 256,
  nsFlash: 64,
  nsRam: 64,
});

describe('secure linker script', () => {
  const script = secureLinkerScript(layout, 'model', 4096);

  it('has the four regions of the layout', () => {
    expect(script).toContain('S_FLASH (rx) : ORIGIN = 0x10000000, LENGTH = 0x0007fc00');
    expect(script).toContain('S_NSC (rx) : ORIGIN = 0x1007fc00, LENGTH = 0x00000400');
    expect(script).toContain('S_RAM (rwx) : ORIGIN = 0x38000000, LENGTH = 0x00040000');
    expect(script).toContain('NS_CODE (rx) : ORIGIN = 0x80000000, LENGTH = 0x00010000');
  });

  it('gathers the model weights, keeps the veneer section alive and places the non-secure image', () => {
    expect(script).toMatch(
      /\.tf_weights : ALIGN\(16\)\s*\{\s*__tf_weights_start = \.;\s*\*\(\.rodata\.model_t\*\)/,
    );
    expect(script).toMatch(
      /\.gnu\.sgstubs : ALIGN\(32\)\s*\{\s*\*\(\.gnu\.sgstubs\*\)\s*\. = ALIGN\(32\);\s*\} > S_NSC/,
    );
    expect(script).toContain('.tf_ns_image : { KEEP(*(.tf_ns_image)) } > NS_CODE');
    expect(script.indexOf('.vectors')).toBeLessThan(script.indexOf('.tf_weights'));
  });

  it('refuses a stack that does not fit the secure RAM partition', () => {
    expect(() => secureLinkerScript(layout, 'model', 256 * 1024)).toThrow(/stack size/);
    expect(() => secureLinkerScript(layout, 'model', 100)).toThrow(/multiple of 8/);
  });
});

describe('non-secure linker script', () => {
  it('is the common script over the non-secure partitions, regions renamed', () => {
    const script = nonSecureLinkerScript(layout, 2048);
    expect(script).toContain('NS_FLASH (rx) : ORIGIN = 0x80000000, LENGTH = 0x00010000');
    expect(script).toContain('NS_RAM (rwx) : ORIGIN = 0x80010000, LENGTH = 0x00010000');
    expect(script).toContain('} > NS_RAM AT > NS_FLASH');
    expect(script).not.toMatch(/[^_](FLASH|RAM) \(/);
    expect(script).toContain('ENTRY(tf_reset_handler)');
  });
});
