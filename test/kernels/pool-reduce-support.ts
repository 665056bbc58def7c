/** Runs one op through the interpreter on a ModelBuilder model (tests of the pooling/reduction kernels). */
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import type { BuiltinOptions } from '../../src/tflite/model.js';
import { encodeValues, ModelBuilder, type TensorSpec } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';
import { decode, randomInts } from './elementwise-support.js';

/** An op input: `data` makes it a constant, `values` a graph input set before invoke. */
export interface OpInput extends TensorSpec {
  values?: readonly number[];
}

export interface OpRun {
  interp: Interpreter;
  /** Each output decoded as numbers in its dtype. */
  outputs: number[][];
}

/** Builds the single-op model and prepares it (throws what prepare throws). */
export function buildOp(
  opcode: string,
  inputs: OpInput[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): Interpreter {
  const mb = new ModelBuilder();
  const ins = inputs.map(({ values, ...spec }) => (values ? mb.addInput(spec) : mb.addTensor(spec)));
  const outs = outputs.map((spec) => mb.addTensor(spec));
  mb.addOperator(opcode, ins, outs, options);
  mb.markOutputs(...outs);
  return new Interpreter(buildGraph(readModel(mb.build())));
}

export function runOp(
  opcode: string,
  inputs: OpInput[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): OpRun {
  const interp = buildOp(opcode, inputs, outputs, options);
  let k = 0;
  for (const t of inputs) if (t.values) interp.setInput(k++, encodeValues(t.dtype, t.values));
  interp.invoke();
  return { interp, outputs: outputs.map((o, i) => decode(o.dtype, interp.output(i))) };
}

/** The error building/preparing the op throws, or null. */
export function prepareError(
  opcode: string,
  inputs: OpInput[],
  outputs: TensorSpec[],
  options: BuiltinOptions = {},
): unknown {
  try {
    buildOp(opcode, inputs, outputs, options);
    return null;
  } catch (e) {
    return e;
  }
}

/** Deterministic pseudo-random float32 values in [-scale, scale). */
export function lcgFloats(n: number, scale: number, seed = 7): number[] {
  return randomInts(n, 0, 1 << 20, seed).map((v) => Math.fround(((v / (1 << 20)) * 2 - 1) * scale));
}

/** Pool2DOptions of an fh x fw window moving sh x sw. */
export const poolOptions = (
  fh: number,
  fw: number,
  sh: number,
  sw: number,
  padding: 'SAME' | 'VALID',
  act = 'NONE',
) => ({
  padding,
  filterHeight: fh,
  filterWidth: fw,
  strideH: sh,
  strideW: sw,
  fusedActivationFunction: act,
});
