/** Devices `run` can target, by name. Each opens an InferenceSession for a model. */
import { UsageError } from '../errors.js';
import { loadModel } from '../graph/load.js';
import { HostSession } from './host-session.js';
import { openMicroDevice } from './micro.js';
import { openNative } from './native.js';
import type { InferenceSession } from './session.js';

export interface DeviceOptions {
  /** Model file (host, native) or project directory (micro). */
  target: string;
  verbose?: boolean;
  [key: string]: unknown;
}

export type DeviceOpener = (opts: DeviceOptions) => Promise<InferenceSession>;

const DEVICES = new Map<string, DeviceOpener>([
  ['host', async (o) => new HostSession(loadModel(o.target).graph)],
  ['native', (o) => openNative(o.target)],
  ['micro', openMicroDevice],
]);

export function registerDevice(name: string, open: DeviceOpener): void {
  DEVICES.set(name, open);
}

export function deviceNames(): string[] {
  return [...DEVICES.keys()];
}

export async function openSession(device: string, opts: DeviceOptions): Promise<InferenceSession> {
  const open = DEVICES.get(device);
  if (!open) throw new UsageError(`unknown device "${device}"`, `choose one of: ${deviceNames().join(', ')}`);
  return open(opts);
}
