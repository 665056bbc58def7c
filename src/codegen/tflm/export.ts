/**
 * `compile --backend tflm`: every file a TFLM user writes by hand — the model array (with
 * tinyforge's plan embedded as an offline plan), an exact op resolver, the arena size, input
 * and expected-output headers, a checking main.cc and a CMake file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedModel } from '../../graph/load.js';
import { Interpreter } from '../../interpreter/interpreter.js';
import { dequantize } from '../../io/values.js';
import { embedOfflinePlan } from '../../planner/offline-plan.js';
import { plan } from '../../planner/plan.js';
import { type InputOptions, resolveInputs } from '../../run/inputs.js';
import { graphIO } from '../../run/session.js';
import { C_TYPES, cFloat } from '../c/context.js';
import { type ArenaEstimate, estimateArena } from './arena.js';
import { registrations } from './resolver.js';
import {
  cmakeLists,
  dataHeader,
  type IOArray,
  mainCc,
  modelDataCc,
  modelDataH,
  modelOpsH,
} from './sources.js';

export interface TflmExportOptions extends InputOptions {
  name: string;
  alignment?: number;
  modelSection?: string | null;
  iterations?: number;
  continuous?: boolean;
  inputSection?: string | null;
  outputSection?: string | null;
  /** A measured arena (from --tflm-dir); otherwise tinyforge estimates it. */
  measuredArenaBytes?: number;
}

export interface TflmExport {
  files: Record<string, string>;
  arena: ArenaEstimate;
  ops: string[];
  modelBytes: Uint8Array;
}

function ioArray(symbol: string, name: string, dtype: string, bytes: Uint8Array): IOArray {
  const values = dequantize(dtype, bytes, null, null).map((v) =>
    dtype === 'float32' ? cFloat(v) : String(v),
  );
  return {
    symbol,
    cType: C_TYPES[dtype] ?? 'uint8_t',
    values,
    bytes: bytes.byteLength,
    dtype,
    tensorName: name,
  };
}

export function exportTflm(loaded: LoadedModel, opts: TflmExportOptions): TflmExport {
  const { graph } = loaded;
  const interp = new Interpreter(graph);
  const io = graphIO(graph);
  const inputs = resolveInputs(io.inputs, opts);
  inputs.forEach((b, i) => {
    interp.setInput(i, b);
  });
  interp.invoke();
  const outputs = io.outputs.map((_, i) => interp.output(i));
  // TFLM keeps inputs and outputs in its arena and plans scratch around the offline offsets.
  const p = plan(graph, { ioInArena: true });
  const modelBytes = embedOfflinePlan(graph.model, p);
  const arena: ArenaEstimate =
    opts.measuredArenaBytes !== undefined
      ? {
          headBytes: p.arenaBytes,
          persistentBytes: opts.measuredArenaBytes - p.arenaBytes,
          arenaBytes: opts.measuredArenaBytes,
          method: 'measured',
        }
      : estimateArena(graph, p);
  const regs = registrations(graph);
  const inArrays = io.inputs.map((s, i) => ioArray(`g_input_data_${i}`, s.name, s.dtype, inputs[i]));
  const outArrays = io.outputs.map((s, i) => ioArray(`g_expected_output_${i}`, s.name, s.dtype, outputs[i]));
  const method =
    arena.method === 'measured'
      ? `Arena measured by running TFLM on this model: ${arena.arenaBytes} bytes.`
      : `Arena estimated by tinyforge: ${arena.headBytes} B planned head (offline plan) + ${arena.persistentBytes} B TFLM persistent tail (upper bound).`;
  const files: Record<string, string> = {
    'model_data.h': modelDataH(),
    'model_data.cc': modelDataCc(modelBytes, opts.alignment ?? 16, opts.modelSection ?? null),
    'model_ops.h': modelOpsH(regs),
    'input_data.h': dataHeader(
      'TINYFORGE_INPUT_DATA_H_',
      'the input the expected output was computed from',
      inArrays,
    ),
    'expected_output_data.h': dataHeader(
      'TINYFORGE_EXPECTED_OUTPUT_DATA_H_',
      "the expected output, computed by tinyforge's reference interpreter",
      outArrays,
    ),
    'main.cc': mainCc({
      arenaBytes: arena.arenaBytes,
      arenaMethod: method,
      inputs: inArrays,
      outputs: outArrays,
      iterations: opts.iterations ?? 10,
      continuous: opts.continuous
        ? { inputSection: opts.inputSection ?? null, outputSection: opts.outputSection ?? null }
        : null,
    }),
    'CMakeLists.txt': cmakeLists(opts.name),
  };
  return { files, arena, ops: regs.map((r) => r.opcode), modelBytes };
}

export function writeTflmExport(dir: string, e: TflmExport): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(e.files)) writeFileSync(join(dir, name), text);
}
