/** Builds and starts test/protocol/fixtures/echo_device.c, the C protocol server on stdio. */
import path from 'node:path';
import { DeviceClient, type DeviceClientOptions } from '../../src/protocol/client.js';
import { type ChildProcessTransport, spawnTransport } from '../../src/transport/child-process.js';
import { compileHostC } from '../support/c-build.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const runtimeDir = path.join(repoRoot, 'runtime/protocol');

/** The fixture's model, as echo_device.c defines it. */
export const ECHO = {
  dataBytes: 2000,
  flagBytes: 4,
  auxOutputs: 10,
  ops: 300,
  failFlag: 0xee,
  failStatus: 7,
};

/** AddressSanitizer and UBSan turn any out-of-bounds access in the server into a test failure. */
export function buildEchoDevice(): Promise<string> {
  return compileHostC({
    cc: 'gcc',
    sources: [
      path.join(repoRoot, 'test/protocol/fixtures/echo_device.c'),
      path.join(runtimeDir, 'tf_protocol.c'),
      path.join(runtimeDir, 'tf_proto_wire.c'),
    ],
    includeDirs: [runtimeDir],
    flags: [
      '-std=c99',
      '-Wall',
      '-Wextra',
      '-Werror',
      '-g',
      '-fsanitize=address,undefined',
      '-fno-sanitize-recover=all',
    ],
    out: 'echo_device',
  });
}

export interface EchoSession {
  transport: ChildProcessTransport;
  client: DeviceClient;
}

export async function startEchoDevice(
  exe: string,
  args: string[] = [],
  options: DeviceClientOptions = {},
): Promise<EchoSession> {
  const transport = await spawnTransport(exe, args);
  return { transport, client: new DeviceClient(transport, { timeoutMs: 5000, ...options }) };
}

/** Deterministic bytes (a fixed LCG), so failures reproduce. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
