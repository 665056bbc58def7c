/** tinyforge's library API: everything the CLI does, importable. The library never prints or exits. */

export { type CompiledModel, type CompileOptions, compileModel } from './codegen/compile.js';
export { formatSineLine, runSineDemo, type SineSummary } from './demo/sine.js';
export * from './errors.js';
export { buildGraph, type Graph, type GraphOp, type GraphTensor } from './graph/graph.js';
export { type LoadedModel, loadModel } from './graph/load.js';
export { opMacs } from './graph/macs.js';
export { type InspectReport, inspectGraph } from './inspect/inspect.js';
export { Interpreter, type InterpreterOptions } from './interpreter/interpreter.js';
export { prepareGraph } from './interpreter/prepare.js';
export { type NdArray, parseNpy, parseNpz, writeNpy, writeNpz } from './io/npy.js';
export { dequantize, quantizeValues } from './io/values.js';
export { REGISTRY as KERNELS } from './kernels/registry.js';
export type { Kernel, PrepareContext } from './kernels/types.js';
export { type PlanOptions, plan } from './planner/plan.js';
export { planSvg } from './planner/svg.js';
export type { PlannerName, PlanResult } from './planner/types.js';
export { DeviceClient } from './protocol/client.js';
export { quantizeModel } from './quantize/ptq.js';
export { openSession, registerDevice } from './run/devices.js';
export { type RunOptions, type RunResult, runSession } from './run/run.js';
export type { InferenceSession, IOSpec } from './run/session.js';
export type { TfliteModel } from './tflite/model.js';
export { ModelBuilder, type TensorSpec } from './tflite/model-builder.js';
export { readModel } from './tflite/reader.js';
export { writeModel } from './tflite/writer.js';
