/** Where each tensor lives in generated C: flash, app-owned I/O, the arena or the persistent buffer. */
import type { Graph } from '../../graph/graph.js';
import type { PlanResult } from '../../planner/types.js';
import { cTypeOf } from './context.js';

export type Region = 'const' | 'input' | 'output' | 'arena' | 'persistent' | 'none';

export interface Location {
  region: Region;
  /** Byte offset inside the arena/persistent buffer, or the input/output index. */
  at: number;
}

/** A tensor that shares another's bytes (a view or in-place output) lives where its root does. */
function aliasRoot(plan: PlanResult, t: number): number {
  const aliasOf = new Map(plan.tensors.map((x) => [x.index, x.aliasOf]));
  let root = t;
  for (let hops = 0; (aliasOf.get(root) ?? -1) >= 0 && hops < plan.tensors.length; hops++)
    root = aliasOf.get(root)!;
  return root;
}

export function locate(graph: Graph, plan: PlanResult, t: number): Location {
  if (plan.offsets[t] < 0 && !graph.tensors[t].data) {
    const root = aliasRoot(plan, t);
    if (root !== t) return locate(graph, plan, root);
  }
  const tensor = graph.tensors[t];
  if (tensor.data) return { region: 'const', at: t };
  const out = graph.outputs.indexOf(t);
  if (out >= 0 && plan.offsets[t] < 0) return { region: 'output', at: out };
  const inp = graph.inputs.indexOf(t);
  if (inp >= 0 && plan.offsets[t] < 0) return { region: 'input', at: inp };
  const off = plan.offsets[t];
  if (off < 0) return { region: 'none', at: -1 };
  if (tensor.isVariable) return { region: 'persistent', at: off - plan.arenaBytes };
  return { region: 'arena', at: off };
}

export function sameLocation(a: Location, b: Location): boolean {
  return a.region === b.region && a.at === b.at;
}

/** The typed C pointer expression of a tensor at a location. */
export function pointerExpr(graph: Graph, prefix: string, t: number, loc: Location): string {
  const type = cTypeOf(graph.tensors[t]);
  switch (loc.region) {
    case 'const':
      return `${prefix}_t${t}`;
    case 'input':
      return `((const ${type} *)inputs[${loc.at}])`;
    case 'output':
      return `((${type} *)outputs[${loc.at}])`;
    case 'arena':
      return `((${type} *)(act + ${loc.at}))`;
    case 'persistent':
      return `((${type} *)(persist + ${loc.at}))`;
    default:
      return `((${type} *)0)`;
  }
}
