/**
 * Builds tools/qemu-plugin/insn_count.c into a shared object on demand. The file name carries
 * a hash of the source, so an edited plugin is rebuilt and concurrent builders (parallel test
 * workers) never see a half-written file: each writes its own temp file and renames it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolNotFoundError } from '../errors.js';
import { runTool } from '../platforms/common/exec.js';
import { cacheDir, packageRoot } from '../platforms/common/paths.js';
import { findOnPath } from '../platforms/common/toolchain.js';

const HOST_CC_HINT = 'install a host C compiler: sudo apt-get install --no-install-recommends gcc';

export function insnCountPluginSource(): string {
  return join(packageRoot(), 'tools', 'qemu-plugin', 'insn_count.c');
}

let building: Promise<string> | undefined;

/** Path of the built plugin, for `qemu-system-arm -plugin PATH -d plugin`. */
export function buildInsnCountPlugin(): Promise<string> {
  building ??= build();
  building.catch(() => {
    building = undefined;
  });
  return building;
}

async function build(): Promise<string> {
  const source = insnCountPluginSource();
  const text = await readFile(source);
  const hash = createHash('sha256').update(text).update(process.arch).digest('hex').slice(0, 16);
  const dir = join(cacheDir(), 'qemu-plugin');
  const output = join(dir, `insn_count-${hash}.so`);
  if (existsSync(output)) return output;
  const cc = process.env.CC ?? findOnPath('gcc') ?? findOnPath('cc') ?? findOnPath('clang');
  if (!cc) throw new ToolNotFoundError('host C compiler (gcc)', HOST_CC_HINT);
  await mkdir(dir, { recursive: true });
  const temp = `${output}.${process.pid}.tmp`;
  const flags = ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2', '-shared', '-fPIC'];
  try {
    await runTool(cc, [...flags, '-o', temp, source], 'build the QEMU instruction-count plugin', {
      installHint: HOST_CC_HINT,
    });
    await rename(temp, output);
  } finally {
    await rm(temp, { force: true });
  }
  return output;
}
