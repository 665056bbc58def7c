/**
 * `--device native`: the generated C, compiled for this machine with its C compiler (cached
 * by model hash), behind the device protocol on stdin/stdout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel, modelHash, runtimeDir } from '../codegen/compile.js';
import { loadModel } from '../graph/load.js';
import { buildHostExecutable, CACHE_DIR } from '../toolchain/host-cc.js';
import { spawnTransport } from '../transport/child-process.js';
import { ProtocolSession } from './protocol-session.js';

export const NATIVE_FLAGS = ['-std=c99', '-O2', '-Wall', '-Wextra', '-Werror', '-ffp-contract=off'];

/** Generates and compiles the native executable of a model; returns its path. */
export async function buildNative(modelPath: string): Promise<string> {
  const loaded = loadModel(modelPath);
  const hash = modelHash(loaded.bytes);
  const dir = join(CACHE_DIR, 'native-src', hash.slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const c = compileModel(loaded, dir, { name: 'model', app: true });
  return buildHostExecutable({
    sources: [...c.cSources.map((s) => join(dir, s)), join(runtimeDir(), 'app/tf_host_main.c')],
    includeDirs: c.includeDirs.map((d) => join(dir, d)),
    flags: [...NATIVE_FLAGS, '-include', join(dir, 'runtime/app/tf_app_hooks.h')],
    name: 'model',
    keyExtra: hash,
  });
}

export async function openNative(modelPath: string): Promise<ProtocolSession> {
  const exe = await buildNative(modelPath);
  const transport = await spawnTransport(exe, []);
  return ProtocolSession.open('native', transport);
}
