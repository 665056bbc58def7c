/** What the TrustZone QEMU tests share: the tool check and cached projects. */
import { cachedProject } from '../../../src/platforms/cached-project.js';
import type { OptionValue } from '../../../src/platforms/types.js';
import { armGccAvailable, qemuAvailable } from '../../support/toolchains.js';

export const HAVE_TZ_TOOLS = armGccAvailable && qemuAvailable;
export const SKIP_REASON = HAVE_TZ_TOOLS ? '' : ' (skipped: needs qemu-system-arm and arm-none-eabi-gcc)';

/** A built and flashed trustzone project (cached across runs by what it generates). */
export function trustZoneProject(source: string, options: Record<string, OptionValue> = {}): Promise<string> {
  return cachedProject({ source, platform: 'trustzone', options: { counter: 'none', ...options } });
}
