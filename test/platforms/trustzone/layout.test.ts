import { describe, expect, it } from 'vitest';
import { ConfigError, type TinyforgeError } from '../../../src/errors.js';
import { trustZoneBoard, trustZoneBoards } from '../../../src/platforms/trustzone/boards.js';
import { layoutHeader, NSC_BYTES, trustZoneLayout } from '../../../src/platforms/trustzone/layout.js';

const an521 = trustZoneBoard('mps2-an521');

function thrown(f: () => unknown): TinyforgeError {
  try {
    f();
  } catch (e) {
    return e as TinyforgeError;
  }
  throw new Error('expected an error');
}
const sizes = { secureFlash: 1024, secureRam: 512, nsFlash: 256, nsRam: 128 };

describe('TrustZone boards', () => {
  it('lists the two SSE-200 machines QEMU emulates; the an521 CPU0 has no FPU, as on the SSE-200', () => {
    expect([...trustZoneBoards().keys()].sort()).toEqual(['mps2-an505', 'mps2-an521']);
    expect(an521.gcc).toEqual({ mcpu: 'cortex-m33+nodsp', mfpu: null, mfloatAbi: 'soft' });
    expect(trustZoneBoard('mps2-an505').gcc.mfloatAbi).toBe('hard');
    expect(an521.uartBase).toBe(0x40200000);
  });

  it('rejects an unknown board with the choices', () => {
    const e = thrown(() => trustZoneBoard('mps2-an386'));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.hint).toBe('choose one of: mps2-an521, mps2-an505');
  });
});

describe('trustZoneLayout', () => {
  it('puts the NSC region at the end of secure flash and non-secure RAM after its code', () => {
    const l = trustZoneLayout(an521, sizes);
    expect(l.secureCode).toEqual({ origin: 0x10000000, size: 1024 * 1024 - NSC_BYTES });
    expect(l.nsc).toEqual({ origin: 0x10000000 + 1024 * 1024 - NSC_BYTES, size: NSC_BYTES });
    expect(l.secureRam).toEqual({ origin: 0x38000000, size: 512 * 1024 });
    expect(l.nsFlash).toEqual({ origin: 0x80000000, size: 256 * 1024 });
    expect(l.nsRam).toEqual({ origin: 0x80000000 + 256 * 1024, size: 128 * 1024 });
    for (const r of [l.secureCode, l.nsc, l.secureRam, l.nsFlash, l.nsRam]) {
      expect(r.origin % 32, 'SAU granule').toBe(0);
      expect(r.size % 32).toBe(0);
    }
  });

  it('refuses partitions the board cannot hold, naming the option', () => {
    const e = thrown(() => trustZoneLayout(an521, { ...sizes, secureFlash: 4097 }));
    expect(e.message).toBe('the secure flash partition of 4,097 KiB is outside 2..4,096 KiB');
    expect(e.hint).toContain('-o secure-flash-kb=N');
    expect(() => trustZoneLayout(an521, { ...sizes, secureRam: 0 })).toThrow(ConfigError);
    expect(() => trustZoneLayout(an521, { ...sizes, nsFlash: 10000, nsRam: 10000 })).toThrow(
      /exceed the 16,384 KiB of non-secure memory/,
    );
    expect(() => trustZoneLayout(an521, { ...sizes, secureFlash: 1 }), 'only the NSC region').toThrow(
      /outside 2\.\./,
    );
  });

  it('writes the same numbers into tf_tz_layout.h', () => {
    const h = layoutHeader(trustZoneLayout(an521, sizes), {
      inputs: 1,
      outputs: 1,
      tensors: 2,
      ioBytes: 32,
      ops: 3,
    });
    expect(h).toContain('#define TF_TZ_NSC_START 0x100ffc00u');
    expect(h).toContain('#define TF_TZ_NS_RAM_START 0x80040000u');
    expect(h).toContain('#define TF_TZ_NS_RAM_SIZE 0x00020000u');
    expect(h).toContain('#define TF_TZ_NS_MAX_OPS 3u');
  });
});
