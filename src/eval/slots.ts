/** Opening the parallel slots of an evaluation: each runs the model, and the reference if any. */
import { openSession } from '../run/devices.js';
import { type SampleRunner, sessionRunner, threadRunner } from './sample-runner.js';
import type { DeviceTarget } from './target.js';

export interface Slot {
  model: SampleRunner;
  reference: SampleRunner | null;
}

export interface SlotRequest {
  target: DeviceTarget;
  modelPath: string;
  referencePath: string | null;
  jobs: number;
}

/** Host models run on worker threads when there are several slots, else in this thread. */
async function hostRunner(path: string, jobs: number): Promise<SampleRunner> {
  if (jobs > 1) return threadRunner(path);
  return sessionRunner(await openSession('host', { target: path }));
}

async function closeAll(runners: readonly (SampleRunner | null)[]): Promise<void> {
  await Promise.allSettled(runners.map((s) => s?.close()));
}

/** Opens n runners at once; if any fails, closes the others and throws its error. */
async function openMany(n: number, open: () => Promise<SampleRunner>): Promise<SampleRunner[]> {
  const settled = await Promise.allSettled(Array.from({ length: n }, open));
  const opened = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) {
    await closeAll(opened);
    throw failed.reason;
  }
  return opened;
}

/** Device runners: the first opens alone (native builds and caches its executable), the rest together. */
async function deviceRunners(req: SlotRequest): Promise<SampleRunner[]> {
  const open = async () => sessionRunner(await openSession(req.target.device, req.target.options));
  const first = await open();
  try {
    return [first, ...(await openMany(req.jobs - 1, open))];
  } catch (e) {
    await first.close();
    throw e;
  }
}

export async function openSlots(req: SlotRequest): Promise<Slot[]> {
  const models =
    req.target.device === 'host'
      ? await openMany(req.jobs, () => hostRunner(req.modelPath, req.jobs))
      : await deviceRunners(req);
  let references: SampleRunner[] = [];
  try {
    const ref = req.referencePath;
    if (ref) references = await openMany(models.length, () => hostRunner(ref, req.jobs));
  } catch (e) {
    await closeAll(models);
    throw e;
  }
  return models.map((model, i) => ({ model, reference: references[i] ?? null }));
}

export async function closeSlots(slots: readonly Slot[]): Promise<void> {
  await closeAll(slots.flatMap((s) => [s.model, s.reference]));
}
