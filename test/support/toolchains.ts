/** Which toolchains this machine has (CI installs them all; a developer machine may not). */
import { spawnSync } from 'node:child_process';

function runs(cmd: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

export const hostCcAvailable = runs('cc') || runs('gcc') || runs('clang');
export const clangAvailable = runs('clang');
export const armGccAvailable = runs('arm-none-eabi-gcc');
export const qemuAvailable = runs('qemu-system-arm');
