/**
 * The ahead-of-time C backend: a graph, its prepared ops and a memory plan become plain C —
 * weights as const arrays, one kernel call per op at planned offsets, no interpreter, no
 * flatbuffer parsing and no allocator on the device.
 */
import { UnsupportedOperatorError } from '../../errors.js';
import type { Graph } from '../../graph/graph.js';
import { opMacs } from '../../graph/macs.js';
import type { PreparedOp } from '../../interpreter/prepare.js';
import type { PlanResult } from '../../planner/types.js';
import { TENSOR_TYPES } from '../../tflite/schema.js';
import { cFloat, cInt, cList, cTypeOf, type EmitContext } from './context.js';
import { locate, pointerExpr, sameLocation } from './memory.js';
import { C_EMITTERS } from './ops/registry.js';

export interface GenerateOptions {
  /** C identifier prefix of every symbol (`NAME_invoke`). */
  name: string;
  /** Linker section for the weights; '.rodata' leaves placement to the compiler. */
  weightsSection: string;
  alignment: number;
  /** Also emit static buffers and NAME_init_static(). */
  staticBuffers: boolean;
  /** Model hash (hex) recorded in the header for firmware/protocol INFO. */
  modelHash: string;
}

export interface GeneratedC {
  header: string;
  source: string;
  /** Runtime files (relative to runtime/) the generated code calls into. */
  runtimeSources: string[];
  scratchBytes: number;
}

interface OpCode {
  comment: string;
  code: string;
}

function shapeText(graph: Graph, t: number): string {
  if (t < 0) return '-';
  const x = graph.tensors[t];
  return `${x.dtype}[${x.shape.join(',')}]`;
}

function opComment(graph: Graph, p: PreparedOp): string {
  const ins = p.op.inputs.map((t) => shapeText(graph, t)).join(', ');
  const outs = p.op.outputs.map((t) => shapeText(graph, t)).join(', ');
  const macs = opMacs(graph, p.op);
  return `op ${p.op.index}: ${p.op.opcode} (${ins}) -> (${outs})${macs ? `, ${macs.toLocaleString('en-US')} MACs` : ''}`;
}

function checkEmitters(prepared: PreparedOp[], graph: Graph): void {
  const missing = prepared.filter((p) => p.kernel.alias !== 'view' && !C_EMITTERS.has(p.op.opcode));
  if (missing.length === 0) return;
  throw new UnsupportedOperatorError(
    missing.map((p) => ({
      index: p.op.index,
      opcode: p.op.opcode,
      dtype: graph.tensors[p.op.inputs.find((t) => t >= 0) ?? p.op.outputs[0]].dtype,
      reason: 'no C kernel yet',
    })),
  );
}

export function generateC(
  graph: Graph,
  prepared: PreparedOp[],
  plan: PlanResult,
  opts: GenerateOptions,
): GeneratedC {
  checkEmitters(prepared, graph);
  const N = opts.name;
  const constants = new Set<number>();
  const decls: string[] = [];
  const sources = new Set<string>();
  const loc = (t: number) => locate(graph, plan, t);
  const ops: OpCode[] = prepared.map((p) => {
    const comment = opComment(graph, p);
    const ctx = makeContext(graph, N, p.op.index, constants, decls, loc);
    if (p.kernel.alias === 'view') return { comment, code: viewCode(graph, p, loc, ctx) };
    const emitter = C_EMITTERS.get(p.op.opcode)!;
    for (const s of emitter.sources(p.prepared)) sources.add(s);
    return { comment, code: emitter.emit(p.prepared, ctx).code };
  });
  const constDecls = [...constants].sort((a, b) => a - b).map((t) => constantDecl(graph, N, t, opts));
  const scratchBytes = Math.max(0, ...prepared.map((p) => p.kernel.scratchBytes?.(p.prepared) ?? 0));
  const runtimeSources = [...sources].sort();
  return {
    header: headerText(graph, plan, opts, scratchBytes),
    source: sourceText(graph, plan, opts, runtimeSources, constDecls, decls, ops),
    runtimeSources,
    scratchBytes,
  };
}

function viewCode(
  graph: Graph,
  p: PreparedOp,
  loc: (t: number) => ReturnType<typeof locate>,
  ctx: EmitContext,
): string {
  const src = p.op.inputs[0];
  const dst = p.op.outputs[0];
  if (sameLocation(loc(src), loc(dst)))
    return '/* a view: the output shares the input bytes, nothing to do */';
  // ctx.tensor also declares a constant source (a view of weights) in flash.
  return `memcpy(${ctx.tensor(dst)}, ${ctx.tensor(src)}, ${graph.tensors[dst].bytes});`;
}

function makeContext(
  graph: Graph,
  N: string,
  opIndex: number,
  constants: Set<number>,
  decls: string[],
  loc: (t: number) => ReturnType<typeof locate>,
): EmitContext {
  const tensor = (t: number) => {
    const l = loc(t);
    if (l.region === 'const') constants.add(t);
    return pointerExpr(graph, N, t, l);
  };
  return {
    graph,
    prefix: N,
    opIndex,
    tensor,
    optTensor: (t) => (t < 0 ? 'NULL' : tensor(t)),
    table(suffix, type, values) {
      const name = `${N}_op${opIndex}_${suffix}`;
      const fmt = type === 'float' ? cFloat : (x: number) => cInt(x, type);
      decls.push(
        `static const ${type} ${name}[${Math.max(1, values.length)}] = {\n${cList(values.length ? values : [0], fmt)}\n};`,
      );
      return name;
    },
    params(type, fields) {
      const name = `${N}_op${opIndex}_params`;
      const body = Object.entries(fields)
        .map(([k, v]) => `  .${k} = ${v},`)
        .join('\n');
      decls.push(`static const ${type} ${name} = {\n${body}\n};`);
      return `&${name}`;
    },
    scratch: 'scratch',
  };
}

function constantDecl(graph: Graph, N: string, t: number, opts: GenerateOptions): string {
  const x = graph.tensors[t];
  const type = cTypeOf(x);
  const data = x.data!;
  const copy = data.slice().buffer;
  const values: ArrayLike<number> | BigInt64Array =
    type === 'float'
      ? new Float32Array(copy)
      : type === 'int8_t'
        ? new Int8Array(copy)
        : type === 'int16_t'
          ? new Int16Array(copy)
          : type === 'int32_t'
            ? new Int32Array(copy)
            : type === 'int64_t'
              ? new BigInt64Array(copy)
              : new Uint8Array(copy);
  const fmt = type === 'float' ? cFloat : (v: number) => cInt(v, type);
  const list =
    values instanceof BigInt64Array
      ? cList(Array.from(values, Number), fmt)
      : cList(values as ArrayLike<number>, fmt, type === 'float' ? 8 : 16);
  const section = opts.weightsSection === '.rodata' ? '' : ` TF_SECTION("${opts.weightsSection}")`;
  return `/* tensor ${t} "${x.name}" ${x.dtype}[${x.shape.join(',')}] */\nstatic const ${type} ${N}_t${t}[${Math.max(1, values.length)}] TF_ALIGNED(${opts.alignment})${section} = {\n${list}\n};`;
}

function ioSpec(graph: Graph, N: string, kind: 'input' | 'output', list: number[]): string {
  const dims = list.map(
    (t, i) =>
      `static const int32_t ${N}_${kind}${i}_dims[${Math.max(1, graph.tensors[t].shape.length)}] = {${graph.tensors[t].shape.join(', ') || '0'}};`,
  );
  const rows = list.map((t, i) => {
    const x = graph.tensors[t];
    const q = x.quant;
    return `  {"${x.name.replace(/["\\]/g, '_')}", ${TENSOR_TYPES.indexOf(x.dtype)}, ${x.shape.length}, ${N}_${kind}${i}_dims, ${cFloat(q ? q.scale[0] : 0)}, ${q ? q.zeroPoint[0] : 0}, ${x.bytes}u},`;
  });
  return `${dims.join('\n')}\nconst tf_io_spec_t ${N}_${kind}s[${Math.max(1, list.length)}] = {\n${rows.join('\n') || '  {0}'}\n};`;
}

function headerText(graph: Graph, plan: PlanResult, opts: GenerateOptions, scratchBytes: number): string {
  const N = opts.name;
  const U = N.toUpperCase();
  const io = (kind: string, list: number[]) =>
    list
      .map(
        (t, i) =>
          `#define ${U}_${kind}${i}_BYTES ${graph.tensors[t].bytes}u /* ${graph.tensors[t].dtype}[${graph.tensors[t].shape.join(',')}] */`,
      )
      .join('\n');
  return `/* Generated by tinyforge from a TFLite model; do not edit. Model hash ${opts.modelHash}. */
#ifndef ${U}_MODEL_H
#define ${U}_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "tf_model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes of ${N}_init and ${N}_invoke. */
#define ${U}_OK 0
#define ${U}_ERR_NULL_BUFFER 1      /* a buffer of nonzero size is NULL */
#define ${U}_ERR_MISALIGNED 2       /* a buffer is not aligned to ${U}_ALIGNMENT */
#define ${U}_ERR_NOT_INITIALIZED 3  /* ${N}_invoke before a successful ${N}_init */
#define ${U}_ERR_NULL_IO 4          /* an input or output pointer is NULL */

#define ${U}_ALIGNMENT ${opts.alignment}u
#define ${U}_NUM_INPUTS ${graph.inputs.length}u
#define ${U}_NUM_OUTPUTS ${graph.outputs.length}u
#define ${U}_ACTIVATION_BYTES ${plan.arenaBytes}u
#define ${U}_PERSISTENT_BYTES ${plan.persistentBytes}u
#define ${U}_SCRATCH_BYTES ${scratchBytes}u
${io('INPUT', graph.inputs)}
${io('OUTPUT', graph.outputs)}

typedef struct {
  size_t input_bytes, output_bytes, activation_bytes, scratch_bytes, persistent_bytes, alignment;
} ${N}_memory_t;

typedef struct {
  void *activations; /* ${N}_memory().activation_bytes, only used during ${N}_invoke */
  void *scratch;     /* ${N}_memory().scratch_bytes, only used during ${N}_invoke: may be shared */
  void *persistent;  /* ${N}_memory().persistent_bytes, model state: keep for the model's lifetime */
} ${N}_buffers_t;

/* Exact memory the model needs, known at compile time. */
void ${N}_memory(${N}_memory_t *req);
/* Checks the buffers (non-null, aligned), remembers them and resets the model state. */
int ${N}_init(const ${N}_buffers_t *bufs);
/* Runs the model: inputs are read and outputs written in place, in the app's buffers. */
int ${N}_invoke(const void *const inputs[], void *const outputs[]);
/* Resets model state (variable tensors of stateful ops) to its initial value. */
void ${N}_reset(void);
${opts.staticBuffers ? `/* Initializes with buffers reserved statically by the generated code. */\nint ${N}_init_static(void);\n` : ''}
extern const tf_io_spec_t ${N}_inputs[];
extern const tf_io_spec_t ${N}_outputs[];
extern const char ${N}_model_hash[];

#ifdef __cplusplus
}
#endif

#endif /* ${U}_MODEL_H */
`;
}

function resetCode(graph: Graph, plan: PlanResult): string {
  const lines: string[] = [];
  for (const t of graph.tensors) {
    if (!t.isVariable || plan.offsets[t.index] < 0) continue;
    const fill = t.dtype === 'int8' && t.quant ? t.quant.zeroPoint[0] & 0xff : 0;
    lines.push(
      `  memset(persist + ${plan.offsets[t.index] - plan.arenaBytes}, ${fill}, ${t.bytes}); /* tensor ${t.index} "${t.name}" */`,
    );
  }
  return lines.join('\n');
}

function sourceText(
  graph: Graph,
  plan: PlanResult,
  opts: GenerateOptions,
  runtimeSources: string[],
  constDecls: string[],
  paramDecls: string[],
  ops: OpCode[],
): string {
  const N = opts.name;
  const U = N.toUpperCase();
  const staticBufs = opts.staticBuffers
    ? `
static uint8_t ${N}_static_activations[${Math.max(1, plan.arenaBytes)}] TF_ALIGNED(${opts.alignment});
static uint8_t ${N}_static_persistent[${Math.max(1, plan.persistentBytes)}] TF_ALIGNED(${opts.alignment});
static uint8_t ${N}_static_scratch[${U}_SCRATCH_BYTES > 0 ? ${U}_SCRATCH_BYTES : 1] TF_ALIGNED(${opts.alignment});

int ${N}_init_static(void) {
  const ${N}_buffers_t bufs = {${N}_static_activations, ${N}_static_scratch, ${N}_static_persistent};
  return ${N}_init(&bufs);
}
`
    : '';
  const body = ops
    .map((o, i) => `  /* ${o.comment} */\n  TF_OP_BEGIN(${i});\n  ${o.code}\n  TF_OP_END(${i});`)
    .join('\n\n');
  return `/* Generated by tinyforge; do not edit. ${graph.ops.length} ops, model hash ${opts.modelHash}. */
#include <string.h>

#include "${N}.h"
${runtimeSources.map((f) => `#include "${f.replace(/\.c$/, '.h')}"`).join('\n')}

const char ${N}_model_hash[] = "${opts.modelHash}";

${ioSpec(graph, N, 'input', graph.inputs)}
${ioSpec(graph, N, 'output', graph.outputs)}

/* ---- weights and constants (flash) ---- */
${constDecls.join('\n\n')}

/* ---- per-op constants computed by tinyforge at compile time ---- */
${paramDecls.join('\n\n')}

static int ${N}_ready;
static uint8_t *${N}_act;
static uint8_t *${N}_scratch;
static uint8_t *${N}_persist;

void ${N}_memory(${N}_memory_t *req) {
  req->input_bytes = ${plan.inputBytes}u;
  req->output_bytes = ${plan.outputBytes}u;
  req->activation_bytes = ${U}_ACTIVATION_BYTES;
  req->scratch_bytes = ${U}_SCRATCH_BYTES;
  req->persistent_bytes = ${U}_PERSISTENT_BYTES;
  req->alignment = ${U}_ALIGNMENT;
}

static int ${N}_check(const void *p, size_t bytes) {
  if (bytes == 0) return ${U}_OK;
  if (p == NULL) return ${U}_ERR_NULL_BUFFER;
  return ((uintptr_t)p % ${U}_ALIGNMENT) == 0 ? ${U}_OK : ${U}_ERR_MISALIGNED;
}

void ${N}_reset(void) {
  uint8_t *const persist = ${N}_persist;
  (void)persist;
${resetCode(graph, plan)}
}

int ${N}_init(const ${N}_buffers_t *bufs) {
  int rc;
  ${N}_ready = 0;
  if (bufs == NULL) return ${U}_ERR_NULL_BUFFER;
  if ((rc = ${N}_check(bufs->activations, ${U}_ACTIVATION_BYTES)) != ${U}_OK) return rc;
  if ((rc = ${N}_check(bufs->scratch, ${U}_SCRATCH_BYTES)) != ${U}_OK) return rc;
  if ((rc = ${N}_check(bufs->persistent, ${U}_PERSISTENT_BYTES)) != ${U}_OK) return rc;
  ${N}_scratch = (uint8_t *)bufs->scratch;
  ${N}_persist = (uint8_t *)bufs->persistent;
  ${N}_act = (uint8_t *)bufs->activations;
  ${N}_reset();
  ${N}_ready = 1;
  return ${U}_OK;
}
${staticBufs}
int ${N}_invoke(const void *const inputs[], void *const outputs[]) {
  uint8_t *const act = ${N}_act;
  uint8_t *const scratch = ${N}_scratch;
  uint8_t *const persist = ${N}_persist;
  unsigned i;
  (void)act;
  (void)scratch;
  (void)persist;
  if (!${N}_ready) return ${U}_ERR_NOT_INITIALIZED;
  if (inputs == NULL || outputs == NULL) return ${U}_ERR_NULL_IO;
  for (i = 0; i < ${U}_NUM_INPUTS; ++i) if (inputs[i] == NULL) return ${U}_ERR_NULL_IO;
  for (i = 0; i < ${U}_NUM_OUTPUTS; ++i) if (outputs[i] == NULL) return ${U}_ERR_NULL_IO;

${body}

  return ${U}_OK;
}
`;
}
