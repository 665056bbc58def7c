/**
 * The sine demo on the trustzone platform: the model runs in the secure world of an emulated
 * Cortex-M33, each degree crosses the boundary through the non-secure protocol server, and each
 * line carries the secure side's own count of the inference.
 */
import { cachedProject } from '../platforms/cached-project.js';
import { DEFAULT_BOARD } from '../platforms/trustzone/platform.js';
import type { Reporter } from '../platforms/types.js';
import type { InferenceSession } from '../run/session.js';
import { type SineLine, type SineSummary, sineAt, sineModelPath } from './sine.js';

export interface SecureSineLine extends SineLine {
  /** Instructions of the secure inference (SysTick under -icount); null when not counted. */
  instructions: number | null;
}

export interface SecureSineSummary extends SineSummary {
  lines: SecureSineLine[];
}

/** A built and flashed trustzone project of the sine model, from the cache. */
export function trustZoneSineProject(
  board: string | undefined,
  reporter: Reporter,
  runtimeVersion: string,
): Promise<string> {
  return cachedProject({
    source: sineModelPath(),
    platform: 'trustzone',
    options: { board: board ?? DEFAULT_BOARD, counter: 'icount' },
    reporter,
    runtimeVersion,
  });
}

export async function runSecureSineDemo(
  session: InferenceSession,
  onLine?: (l: SecureSineLine) => void,
): Promise<SecureSineSummary> {
  const lines: SecureSineLine[] = [];
  for (let d = 0; d < 360; d++) {
    const line = await sineAt(session, d);
    const stats = await session.stats();
    const secure = { ...line, instructions: stats?.total ?? null };
    lines.push(secure);
    onLine?.(secure);
  }
  const devs = lines.map((l) => l.deviation);
  return {
    lines,
    maxDeviation: Math.max(...devs),
    meanDeviation: devs.reduce((a, b) => a + b, 0) / devs.length,
  };
}

export function formatSecureSineLine(l: SecureSineLine): string {
  const count = l.instructions === null ? 'ok' : `${l.instructions.toLocaleString('en-US')} instructions`;
  return `[secure] inference ${count}   Model: sine of ${l.degrees} deg is ${l.model.toFixed(4)}   Math: ${l.math.toFixed(4)}   Deviation: ${l.deviation.toFixed(4)}`;
}
