/** Runs one op through the interpreter on a ModelBuilder model (tests of the shape / data-movement kernels). */
import { buildGraph, type Graph } from '../../src/graph/graph.js';
import { Interpreter, type InterpreterOptions } from '../../src/interpreter/interpreter.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type TensorSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { decode } from './elementwise-support.js';

/** An op input: `data` makes it a constant, `values` a graph input set before invoke, neither = omitted (-1). */
export interface OpInput extends TensorSpec {
  values?: readonly number[];
}

/** The single-op graph: tensors are numbered inputs first (in order), then outputs. */
export function opGraph(
  opcode: string,
  inputs: (OpInput | null)[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): Graph {
  const mb = new ModelBuilder();
  const ins = inputs.map((spec) => {
    if (!spec) return -1;
    const { values, ...rest } = spec;
    return values ? mb.addInput(rest) : mb.addTensor(rest);
  });
  const outs = outputs.map((spec) => mb.addTensor(spec));
  mb.addOperator(opcode, ins, outs, options);
  mb.markOutputs(...outs);
  return buildGraph(readModel(mb.build()));
}

/** Builds, prepares (throwing what prepare throws), sets the `values` inputs, invokes; outputs decoded. */
export function runOp(
  opcode: string,
  inputs: (OpInput | null)[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
  opts: InterpreterOptions = {},
): number[][] {
  const graph = opGraph(opcode, inputs, outputs, options);
  const interp = new Interpreter(graph, opts);
  let k = 0;
  for (const spec of inputs) {
    if (spec?.values) interp.setInput(k++, encodeValues(spec.dtype, spec.values));
  }
  interp.invoke();
  return outputs.map((spec, i) => decode(spec.dtype, interp.output(i)));
}

/** Prepares only: for expecting KernelPrepareError / UnsupportedOperatorError. */
export function prepareOp(
  opcode: string,
  inputs: (OpInput | null)[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): Interpreter {
  return new Interpreter(opGraph(opcode, inputs, outputs, options));
}

/** 0, 1, 2, ... n-1 (distinct, easy-to-follow element values). */
export const iota = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);
