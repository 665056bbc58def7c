/** Per-op profile: the mean per-op counts a device reported over every sample. */
import type { DeviceStats } from '../../run/session.js';

export interface OpProfileEntry {
  index: number;
  opcode: string;
  mean: number;
  /** Fraction of the summed per-op means. */
  share: number;
}

export interface OpProfile {
  unit: DeviceStats['unit'];
  samples: number;
  ops: OpProfileEntry[];
}

export class ProfileAccumulator {
  private sums: number[] = [];
  private samples = 0;
  private unit: DeviceStats['unit'] | null = null;

  add(stats: DeviceStats | null): void {
    if (!stats || stats.perOp.length === 0) return;
    this.unit = stats.unit;
    stats.perOp.forEach((v, i) => {
      this.sums[i] = (this.sums[i] ?? 0) + v;
    });
    this.samples++;
  }

  result(opcodes: readonly string[]): OpProfile | null {
    if (this.samples === 0 || this.unit === null) return null;
    const means = this.sums.map((s) => s / this.samples);
    const total = means.reduce((a, b) => a + b, 0);
    return {
      unit: this.unit,
      samples: this.samples,
      ops: means.map((mean, index) => ({
        index,
        opcode: opcodes[index] ?? `op ${index}`,
        mean,
        share: total > 0 ? mean / total : 0,
      })),
    };
  }
}
