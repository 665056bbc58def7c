import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../src/errors.js';
import { compileHostC, hasCompiler } from '../support/c-build.js';
import { repoRoot } from './echo-device.js';

const runtimeDir = path.join(repoRoot, 'runtime/protocol');
const SOURCES = ['tf_protocol.c', 'tf_proto_wire.c'];
const STRICT = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic'];
const ARM = 'arm-none-eabi-gcc';
const hasArm = await hasCompiler(ARM);

function compile(cc: string, source: string, flags: string[], defines: string[] = []) {
  const out = `${path.basename(source, '.c')}.o`;
  const sources = [path.join(runtimeDir, source)];
  return compileHostC({ cc, sources, includeDirs: [runtimeDir], flags, defines, out, compileOnly: true });
}

describe('runtime/protocol compiles warning-free', () => {
  it.each(['gcc', 'clang'])('with host %s', async (cc) => {
    for (const source of SOURCES) {
      await compile(cc, source, [...STRICT, '-O2']);
      await compile(cc, source, STRICT, ['TF_PROTO_MAX_PAYLOAD=512']);
    }
  });

  it.skipIf(!hasArm)('with arm-none-eabi-gcc for Cortex-M4, calling nothing but string.h', async () => {
    const undefinedSymbols = new Set<string>();
    for (const source of SOURCES) {
      const object = await compile(ARM, source, [...STRICT, '-mcpu=cortex-m4', '-mthumb', '-Os']);
      const { stdout } = await promisify(execFile)('arm-none-eabi-nm', ['-u', object]);
      for (const line of stdout.trim().split('\n'))
        if (line.trim()) undefinedSymbols.add(line.trim().split(/\s+/).pop()!);
    }
    const foreign = [...undefinedSymbols].filter(
      (s) => !s.startsWith('tf_proto_') && !['memcpy', 'memset', 'strlen'].includes(s),
    );
    expect(foreign).toEqual([]);
  });

  it('refuses a max payload too small for an INFO tensor spec', async () => {
    const error = await compile('gcc', 'tf_protocol.c', STRICT, ['TF_PROTO_MAX_PAYLOAD=100']).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).stderrTail).toContain('TF_PROTO_MAX_PAYLOAD must be within 512..65535');
  });
});
