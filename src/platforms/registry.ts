/** The built-in platforms, and custom ones from a template directory (JSON-RPC over stdio). */
import { UsageError } from '../errors.js';
import { baremetalPlatform } from './baremetal/platform.js';
import { openCustomPlatform } from './custom/platform.js';
import { qemuPlatform } from './qemu/platform.js';
import { tfmPlatform } from './tfm/platform.js';
import { trustZonePlatform } from './trustzone/platform.js';
import type { Platform } from './types.js';

export const PLATFORMS: ReadonlyMap<string, Platform> = new Map(
  [qemuPlatform, baremetalPlatform, trustZonePlatform, tfmPlatform].map((p) => [p.name, p]),
);

/** A built-in platform by name, or a custom one: `{ templateDir }`. */
export type PlatformRef = string | { templateDir: string };

export function builtinPlatform(name: string): Platform {
  const platform = PLATFORMS.get(name);
  if (!platform) {
    throw new UsageError(
      `unknown platform "${name}"`,
      `built-in platforms: ${[...PLATFORMS.keys()].join(', ')}; or --template-dir DIR for your own`,
    );
  }
  return platform;
}

/** Custom platforms start a server process: call dispose() when done. */
export async function loadPlatform(ref: PlatformRef): Promise<Platform> {
  return typeof ref === 'string' ? builtinPlatform(ref) : openCustomPlatform(ref.templateDir);
}
