/**
 * Measures the exact tensor arena of a model with a real TFLM: builds TFLM's microlite library
 * in the user's checkout, links a probe that allocates with a large arena and reports
 * arena_used_bytes(). Slow (a TFLM build) and only run when --tflm-dir is given.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildError, UsageError } from '../../errors.js';
import { runTool, stderrTail } from '../../toolchain/host-cc.js';
import type { Registration } from './resolver.js';
import { modelDataCc, modelDataH, modelOpsH } from './sources.js';

const PROBE_ARENA_BYTES = 16 << 20;

export function probeSource(): string {
  return `#include <cstdio>
#include "model_data.h"
#include "model_ops.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/schema/schema_generated.h"
alignas(16) static uint8_t arena[${PROBE_ARENA_BYTES}];
int main() {
  static ModelOpResolver resolver;
  if (RegisterModelOps(resolver) != kTfLiteOk) return 2;
  static tflite::MicroInterpreter interpreter(tflite::GetModel(g_model_data), resolver, arena, sizeof(arena));
  if (interpreter.AllocateTensors() != kTfLiteOk) return 3;
  std::printf("arena_used_bytes %u\\n", static_cast<unsigned>(interpreter.arena_used_bytes()));
  return 0;
}
`;
}

function findLibrary(tflmDir: string): string | null {
  const gen = join(tflmDir, 'gen');
  if (!existsSync(gen)) return null;
  for (const target of readdirSync(gen)) {
    const lib = join(gen, target, 'lib', 'libtensorflow-microlite.a');
    if (existsSync(lib)) return lib;
  }
  return null;
}

export async function measureArena(
  tflmDir: string,
  modelBytes: Uint8Array,
  regs: Registration[],
): Promise<number> {
  if (!existsSync(join(tflmDir, 'tensorflow/lite/micro/micro_interpreter.h'))) {
    throw new UsageError(
      `${tflmDir} is not a tflite-micro checkout (no tensorflow/lite/micro/micro_interpreter.h)`,
      'pass the root of a tflite-micro clone to --tflm-dir',
    );
  }
  let lib = findLibrary(tflmDir);
  if (!lib) {
    const args = ['-f', 'tensorflow/lite/micro/tools/make/Makefile', `-j${cpus().length}`, 'microlite'];
    const r = await runTool('make', args, tflmDir);
    lib = findLibrary(tflmDir);
    if (r.code !== 0 || !lib)
      throw new BuildError(
        'building TFLM (microlite) failed',
        `make ${args.join(' ')}`,
        r.code,
        stderrTail(r.stderr),
      );
  }
  const dir = mkdtempSync(join(tmpdir(), 'tf-tflm-probe-'));
  writeFileSync(join(dir, 'model_data.h'), modelDataH());
  writeFileSync(join(dir, 'model_data.cc'), modelDataCc(modelBytes, 16, null));
  writeFileSync(join(dir, 'model_ops.h'), modelOpsH(regs));
  writeFileSync(join(dir, 'probe.cc'), probeSource());
  const downloads = join(tflmDir, 'tensorflow/lite/micro/tools/make/downloads');
  const exe = join(dir, 'probe');
  const args = [
    ...['-std=c++17', '-O1', '-DTF_LITE_STATIC_MEMORY', `-I${dir}`, `-I${tflmDir}`],
    ...[`-I${join(downloads, 'flatbuffers/include')}`, `-I${join(downloads, 'gemmlowp')}`],
    ...[join(dir, 'probe.cc'), join(dir, 'model_data.cc'), lib, '-o', exe],
  ];
  const built = await runTool('g++', args);
  if (built.code !== 0)
    throw new BuildError(
      'building the TFLM arena probe failed',
      `g++ ${args.join(' ')}`,
      built.code,
      stderrTail(built.stderr),
    );
  const ran = await runTool(exe, []);
  const m = /arena_used_bytes (\d+)/.exec(ran.stdout);
  if (ran.code !== 0 || !m)
    throw new BuildError('the TFLM arena probe failed', exe, ran.code, stderrTail(ran.stderr + ran.stdout));
  return Math.ceil(Number(m[1]) / 16) * 16;
}
