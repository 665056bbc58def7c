/** Semantic checks of a decoded model: indices in range, sizes consistent, ops in a valid order. */
import { ModelFormatError } from '../errors.js';
import type { SubGraph, Tensor, TfliteModel } from './model.js';
import { BUILTIN_OPERATORS, CUSTOM_CODE, DTYPE_BYTES, type DType } from './schema.js';

const MAX_TENSOR_BYTES = 2 ** 32;
const SUPPORTED_SCHEMA_VERSION = 3;

/** Elements of a shape (1 for a scalar). */
export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Bytes a tensor of this dtype and shape occupies; int4 packs two elements per byte. */
export function byteSize(dtype: DType, shape: readonly number[]): number {
  const n = elementCount(shape);
  return dtype === 'int4' ? Math.ceil(n / 2) : n * DTYPE_BYTES[dtype];
}

export function verifyModel(m: TfliteModel): void {
  if (m.version !== SUPPORTED_SCHEMA_VERSION) {
    throw new ModelFormatError(
      `schema version ${m.version} is not supported (expected ${SUPPORTED_SCHEMA_VERSION})`,
      'model.version',
    );
  }
  if (m.subgraphs.length === 0) throw new ModelFormatError('model has no subgraphs', 'model.subgraphs');
  m.operatorCodes.forEach((c, i) => {
    if (c.builtinCode < 0)
      throw new ModelFormatError(`operator code ${c.builtinCode} is negative`, `operator_codes[${i}]`);
    if (c.builtinCode === CUSTOM_CODE && !c.customCode) {
      throw new ModelFormatError('custom operator without a custom_code', `operator_codes[${i}]`);
    }
    if (c.builtinCode > BUILTIN_OPERATORS.length + 64) {
      throw new ModelFormatError(
        `operator code ${c.builtinCode} is not a TFLite builtin`,
        `operator_codes[${i}]`,
      );
    }
  });
  m.subgraphs.forEach((sg, i) => {
    verifySubGraph(m, sg, i);
  });
  m.metadata.forEach((md, i) => {
    inRange(md.buffer, m.buffers.length, `metadata[${i}] "${md.name}" buffer`);
  });
  m.signatureDefs.forEach((s, i) => {
    inRange(s.subgraphIndex, m.subgraphs.length, `signature_defs[${i}].subgraph_index`);
    const n = m.subgraphs[s.subgraphIndex].tensors.length;
    for (const t of [...s.inputs, ...s.outputs])
      inRange(t.tensorIndex, n, `signature_defs[${i}] tensor "${t.name}"`);
  });
}

function inRange(index: number, count: number, where: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new ModelFormatError(`index ${index} is out of range (0..${count - 1})`, where);
  }
}

function verifySubGraph(m: TfliteModel, sg: SubGraph, s: number): void {
  const n = sg.tensors.length;
  sg.tensors.forEach((t, i) => {
    verifyTensor(m, t, `subgraph ${s} tensor #${i} "${t.name}"`);
  });
  sg.inputs.forEach((t, i) => {
    inRange(t, n, `subgraph ${s} inputs[${i}]`);
  });
  sg.outputs.forEach((t, i) => {
    inRange(t, n, `subgraph ${s} outputs[${i}]`);
  });
  const available = new Set<number>(sg.inputs);
  sg.tensors.forEach((t, i) => {
    if (t.isVariable || m.buffers[t.buffer].data.byteLength > 0) available.add(i);
  });
  const producer = new Map<number, number>();
  sg.operators.forEach((op, k) => {
    const where = `subgraph ${s} op #${k}`;
    inRange(op.opcodeIndex, m.operatorCodes.length, `${where} opcode_index`);
    const name = opName(m, op.opcodeIndex);
    op.inputs.forEach((t, j) => {
      if (t === -1) return;
      inRange(t, n, `${where} ${name} inputs[${j}]`);
      // Custom ops (e.g. ethos-u) may read tensors nobody writes: they are the op's scratch.
      if (!available.has(t) && (!name.startsWith('CUSTOM:') || producedLater(sg, t, k))) {
        throw new ModelFormatError(
          `op #${k} ${name} reads tensor #${t} "${sg.tensors[t].name}" before any op produces it`,
          `subgraph ${s}`,
        );
      }
    });
    op.intermediates.forEach((t, j) => {
      inRange(t, n, `${where} ${name} intermediates[${j}]`);
    });
    op.outputs.forEach((t, j) => {
      inRange(t, n, `${where} ${name} outputs[${j}]`);
      const prior = producer.get(t);
      if (prior !== undefined) {
        throw new ModelFormatError(
          `tensor #${t} "${sg.tensors[t].name}" is written by op #${prior} and op #${k}`,
          `subgraph ${s}`,
        );
      }
      producer.set(t, k);
      available.add(t);
    });
  });
}

function producedLater(sg: SubGraph, tensor: number, opIndex: number): boolean {
  return sg.operators.some((op, k) => k > opIndex && op.outputs.includes(tensor));
}

function opName(m: TfliteModel, opcodeIndex: number): string {
  const c = m.operatorCodes[opcodeIndex];
  return c.builtinCode === CUSTOM_CODE
    ? `CUSTOM:${c.customCode}`
    : (BUILTIN_OPERATORS[c.builtinCode] ?? `BUILTIN_${c.builtinCode}`);
}

function verifyTensor(m: TfliteModel, t: Tensor, where: string): void {
  inRange(t.buffer, m.buffers.length, `${where} buffer`);
  if (t.shape.some((d) => d < 0))
    throw new ModelFormatError(`shape [${t.shape}] has a negative dimension`, where);
  const fixedSize = t.dtype !== 'string' && t.dtype !== 'resource' && t.dtype !== 'variant';
  const bytes = fixedSize ? byteSize(t.dtype, t.shape) : 0;
  if (bytes > MAX_TENSOR_BYTES)
    throw new ModelFormatError(`tensor needs ${bytes} bytes, more than 4 GiB`, where);
  const data = m.buffers[t.buffer].data;
  if (fixedSize && data.byteLength > 0 && data.byteLength !== bytes) {
    throw new ModelFormatError(
      `constant data is ${data.byteLength} bytes but shape [${t.shape}] of ${t.dtype} needs ${bytes}`,
      where,
    );
  }
  const q = t.quantization;
  if (!q) return;
  if (q.zeroPoint.length > 0 && q.zeroPoint.length !== q.scale.length) {
    throw new ModelFormatError(
      `quantization has ${q.scale.length} scales but ${q.zeroPoint.length} zero points`,
      where,
    );
  }
  // Converters leave quantized_dimension stale on 1-D biases (e.g. 3 for shape [8]): only an
  // in-range dimension can be checked against the scale count.
  const qd = q.quantizedDimension;
  if (q.scale.length > 1) {
    if (qd < 0 || (qd >= t.shape.length && q.scale.length > elementCount(t.shape))) {
      throw new ModelFormatError(`quantized_dimension ${qd} does not fit shape [${t.shape}]`, where);
    }
    if (qd < t.shape.length && q.scale.length !== t.shape[qd]) {
      throw new ModelFormatError(
        `${q.scale.length} per-channel scales for dimension ${qd} of size ${t.shape[qd]}`,
        where,
      );
    }
  }
}
