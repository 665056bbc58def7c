import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/errors.js';
import { DeviceErrorCode } from '../../src/protocol/messages.js';
import {
  buildEchoDevice,
  ECHO,
  type EchoSession,
  pseudoRandomBytes,
  startEchoDevice,
} from './echo-device.js';

let exe: string;
let session: EchoSession | undefined;

beforeAll(async () => {
  exe = await buildEchoDevice();
});

afterEach(async () => {
  await session?.client.close();
  session = undefined;
});

async function start(args: string[] = []) {
  session = await startEchoDevice(exe, args);
  return session.client;
}

describe('echo device over stdio', () => {
  it('describes itself, paging through twelve outputs', async () => {
    const info = await (await start()).info();
    expect(info).toMatchObject({
      protocolVersion: 1,
      maxPayload: 1024,
      runtimeVersion: 'tinyforge-test 0.1',
      boardName: 'host',
      modelName: 'echo_plus_one',
    });
    expect(Array.from(info.modelHash)).toEqual([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]);
    expect(info.inputs).toEqual([
      { name: 'in_data', dtype: 9, shape: [1, 2000], scale: 0.5, zeroPoint: -3, byteSize: 2000 },
      { name: 'in_flags', dtype: 3, shape: [4], scale: 0.5, zeroPoint: -3, byteSize: 4 },
    ]);
    expect(info.outputs).toHaveLength(2 + ECHO.auxOutputs);
    expect(info.outputs[11]).toMatchObject({ shape: [1, 1, 1, 1, 1, 1, 1, 4], byteSize: 4 });
    expect(info.outputs[11]!.name).toBe('aux_output_with_a_long_name_that_makes_info_need_pages_9');
  });

  it('round-trips chunked inputs and outputs through invoke', async () => {
    const client = await start();
    const data = pseudoRandomBytes(ECHO.dataBytes, 1);
    await client.setInput(0, data);
    await client.setInput(1, new Uint8Array(ECHO.flagBytes));
    await client.invoke();
    expect(await client.getOutput(0)).toEqual(data.map((b) => (b + 1) & 0xff));
    expect(await client.getOutput(1)).toEqual(Uint8Array.of(1, 0, 0, 0));
    expect(await client.getOutput(7)).toEqual(new Uint8Array(4).fill(5));
  });

  it('reports the stats of the last invoke across pages', async () => {
    const client = await start();
    await client.invoke();
    await client.invoke();
    const stats = await client.stats();
    const perOp = Array.from({ length: ECHO.ops }, (_, i) => BigInt((i + 1) * 2));
    expect(stats).toEqual({
      invokeCount: 2,
      unit: 'instructions',
      total: perOp.reduce((a, b) => a + b, 0n),
      arenaSizeBytes: 4096,
      arenaUsedBytes: 2100,
      stackUsedBytes: 256,
      ramBytes: 6000,
      perOp,
    });
  });

  it('resets the state of a stateful model', async () => {
    const client = await start();
    await client.invoke();
    await client.invoke();
    expect(await client.getOutput(1)).toEqual(Uint8Array.of(2, 0, 0, 0));
    await client.reset();
    expect(await client.getOutput(1)).toEqual(Uint8Array.of(0, 0, 0, 0));
    await client.invoke();
    expect(await client.getOutput(1)).toEqual(Uint8Array.of(1, 0, 0, 0));
  });

  it('echoes a full-size PING with zeros in it', async () => {
    const client = await start();
    const data = pseudoRandomBytes(1024, 2).map((b, i) => (i % 7 === 0 ? 0 : b));
    await client.ping(data);
  });

  it('passes a failing invoke on as INVOKE_FAILED with its status', async () => {
    const client = await start();
    await client.setInput(1, Uint8Array.of(ECHO.failFlag, 0, 0, 0));
    const error = await client.invoke().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).deviceCode).toBe(DeviceErrorCode.INVOKE_FAILED);
    expect((error as Error).message).toContain(`detail ${ECHO.failStatus}`);
  });

  it('answers UNSUPPORTED for STATS when the firmware has none', async () => {
    const client = await start(['--no-stats']);
    await expect(client.stats()).rejects.toThrow(/UNSUPPORTED in STATS/);
  });

  it('ignores boot text before the first frame', async () => {
    const client = await start(['--banner']);
    expect((await client.info()).modelName).toBe('echo_plus_one');
    expect(client.noise.junkRuns).toBe(1);
  });
});
