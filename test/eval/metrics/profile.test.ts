/** Per-op profile: means over the samples that reported per-op counts. */
import { describe, expect, it } from 'vitest';
import { ProfileAccumulator } from '../../../src/eval/metrics/profile.js';

describe('per-op profile', () => {
  it('averages per-op counts and their shares, skipping samples without counts', () => {
    const p = new ProfileAccumulator();
    p.add({ total: 40, unit: 'instructions', perOp: [10, 30] });
    p.add(null);
    p.add({ total: 60, unit: 'instructions', perOp: [30, 30] });
    const r = p.result(['CONV_2D', 'SOFTMAX'])!;
    expect(r.unit).toBe('instructions');
    expect(r.samples).toBe(2);
    expect(r.ops).toEqual([
      { index: 0, opcode: 'CONV_2D', mean: 20, share: 0.4 },
      { index: 1, opcode: 'SOFTMAX', mean: 30, share: 0.6 },
    ]);
  });

  it('is null when no sample had counts', () => {
    const p = new ProfileAccumulator();
    p.add({ total: 1, unit: 'ms', perOp: [] });
    expect(p.result([])).toBeNull();
  });
});
