/** The STATS response (docs/protocol.md, "0x06 STATS"): counts of the last invoke, paged. */
import { ByteReader, ByteWriter } from './byte-io.js';

export const COUNT_UNITS = ['none', 'instructions', 'cycles', 'ticks'] as const;
export type CountUnit = (typeof COUNT_UNITS)[number] | `unit-${number}`;

export function countUnitName(code: number): CountUnit {
  return COUNT_UNITS[code] ?? `unit-${code}`;
}

export function countUnitCode(unit: CountUnit): number {
  const code = COUNT_UNITS.indexOf(unit as (typeof COUNT_UNITS)[number]);
  return code >= 0 ? code : Number(unit.slice('unit-'.length));
}

/** The figures every STATS page repeats; 0 means unknown for the byte counts. */
export interface StatsSummary {
  invokeCount: number;
  unit: CountUnit;
  total: bigint;
  arenaSizeBytes: number;
  arenaUsedBytes: number;
  stackUsedBytes: number;
  ramBytes: number;
}

/** One STATS response: `perOp` holds entries firstOp .. firstOp+length-1 of opCount. */
export interface StatsPage extends StatsSummary {
  opCount: number;
  firstOp: number;
  perOp: bigint[];
}

export function encodeStatsReply(m: StatsPage): Uint8Array {
  const w = new ByteWriter().u32(m.invokeCount).u8(countUnitCode(m.unit)).u8(0).u16(m.opCount);
  w.u64(m.total).u32(m.arenaSizeBytes).u32(m.arenaUsedBytes).u32(m.stackUsedBytes).u32(m.ramBytes);
  w.u16(m.firstOp).u16(m.perOp.length);
  for (const count of m.perOp) w.u64(count);
  return w.finish();
}

export function decodeStatsReply(payload: Uint8Array): StatsPage {
  const r = new ByteReader(payload, 'STATS response');
  const invokeCount = r.u32();
  const unit = countUnitName(r.u8());
  r.u8();
  const opCount = r.u16();
  const total = r.u64();
  const arenaSizeBytes = r.u32();
  const arenaUsedBytes = r.u32();
  const stackUsedBytes = r.u32();
  const ramBytes = r.u32();
  const firstOp = r.u16();
  const perOp = Array.from({ length: r.u16() }, () => r.u64());
  r.end();
  return {
    invokeCount,
    unit,
    total,
    arenaSizeBytes,
    arenaUsedBytes,
    stackUsedBytes,
    ramBytes,
    opCount,
    firstOp,
    perOp,
  };
}
