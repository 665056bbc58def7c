/** The one table of C emitters, keyed by TFLite builtin name (mirrors src/kernels/registry.ts). */
import type { COpEmitter } from '../context.js';
import { fullyConnectedC } from './fully-connected.js';

// Each group of emitters is listed in one block; keep the lists sorted.
const EMITTERS: COpEmitter<never>[] = [
  // -- fully-connected / recurrent / activations group --
  fullyConnectedC,
  // -- convolution group --
  // -- element-wise arithmetic group --
  // -- shape / data-movement group --
  // -- pooling / reduction / resize group --
] as COpEmitter<never>[];

function build(list: COpEmitter<never>[]): Map<string, COpEmitter<unknown>> {
  const map = new Map<string, COpEmitter<unknown>>();
  for (const e of list) {
    if (map.has(e.op)) throw new Error(`C emitter registry: ${e.op} is registered twice`);
    map.set(e.op, e as unknown as COpEmitter<unknown>);
  }
  return map;
}

export const C_EMITTERS: ReadonlyMap<string, COpEmitter<unknown>> = build(EMITTERS);
