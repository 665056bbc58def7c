/** What an op emitter gets: C expressions for tensors and a place to declare constant tables. */
import type { Graph, GraphTensor } from '../../graph/graph.js';

export const C_TYPES: Record<string, string> = {
  float32: 'float',
  int8: 'int8_t',
  uint8: 'uint8_t',
  int16: 'int16_t',
  uint16: 'uint16_t',
  int32: 'int32_t',
  uint32: 'uint32_t',
  int64: 'int64_t',
  bool: 'uint8_t',
};

/** A float32 as a C literal that reads back to the same bits. */
export function cFloat(x: number): string {
  const f = Math.fround(x);
  if (Number.isNaN(f)) return '(0.0f / 0.0f)';
  if (!Number.isFinite(f)) return f > 0 ? 'TF_FLOAT_INF' : '(-TF_FLOAT_INF)';
  if (Number.isInteger(f) && Math.abs(f) < 1e15) return `${f}.0f`;
  return `${f.toPrecision(9)}f`;
}

export function cInt(x: number, type = 'int32_t'): string {
  if (type === 'int64_t') return `INT64_C(${x})`;
  if (type === 'int32_t' && x === -2147483648) return '(-2147483647 - 1)';
  return String(x);
}

export interface EmitContext {
  graph: Graph;
  prefix: string;
  opIndex: number;
  /** A typed C pointer expression for tensor `t` (e.g. `((int8_t *)(act + 64))`). */
  tensor(t: number): string;
  /** Like tensor(), but `NULL` for -1 (an omitted optional input). */
  optTensor(t: number): string;
  /** Declares a static const array of this op and returns its name. */
  table(suffix: string, type: string, values: ArrayLike<number>): string;
  /** Declares a static const struct initializer of this op and returns `&name`. */
  params(type: string, fields: Record<string, string | number>): string;
  /** Pointer to this op's scratch memory (uint8_t *). */
  scratch: string;
}

export interface EmittedOp {
  /** C statements run for this op, in order. */
  code: string;
}

/**
 * An op's C code generator: mirrors the TS kernel's prepared data into the C kernel's
 * parameters. `sources` are runtime files (relative to runtime/) the call needs.
 */
export interface COpEmitter<P = unknown> {
  op: string;
  sources(p: P): string[];
  emit(p: P, ctx: EmitContext): EmittedOp;
}

export function defineEmitter<P>(e: COpEmitter<P>): COpEmitter<P> {
  return e;
}

export function cTypeOf(t: GraphTensor): string {
  const c = C_TYPES[t.dtype];
  if (!c) throw new Error(`no C type for ${t.dtype}`);
  return c;
}

/** Formats numbers as a C initializer, wrapped to readable lines. */
export function cList(values: ArrayLike<number>, format: (x: number) => string, perLine = 16): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i += perLine) {
    const row: string[] = [];
    for (let j = i; j < Math.min(values.length, i + perLine); j++) row.push(format(values[j]));
    parts.push(`  ${row.join(', ')}`);
  }
  return parts.join(',\n');
}
