import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError, DeviceTimeoutError } from '../../src/errors.js';
import {
  encodeFrame,
  encodeRawFrame,
  FrameDecoder,
  SEQ_NONE,
  wrapRawFrame,
} from '../../src/protocol/frame.js';
import { DeviceErrorCode, decodeErrorReply, MessageType } from '../../src/protocol/messages.js';
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
  return session;
}

/** The device answers in order, so once a PING is answered every earlier report has arrived. */
async function lastReportAfterPing({ client }: EchoSession) {
  await client.ping(Uint8Array.of(0x5a));
  return client.noise.lastDeviceReport;
}

async function expectDeviceError(promise: Promise<unknown>, code: number) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeviceError);
  expect((error as DeviceError).deviceCode).toBe(code);
}

/** A full round trip, to show the device survived whatever came before. */
async function expectHealthy({ client, transport }: EchoSession) {
  const data = pseudoRandomBytes(ECHO.dataBytes, 9);
  await client.setInput(0, data);
  await client.setInput(1, new Uint8Array(ECHO.flagBytes));
  await client.invoke();
  expect(await client.getOutput(0)).toEqual(data.map((b) => (b + 1) & 0xff));
  expect(transport.child.exitCode).toBeNull();
}

const pingWire = (payload: Uint8Array) => encodeRawFrame({ type: MessageType.PING, seq: 0x4242, payload });

describe('echo device robustness', () => {
  it('reports a corrupted frame as BAD_CRC and resynchronises', async () => {
    const s = await start();
    const wire = wrapRawFrame(pingWire(Uint8Array.of(1, 2, 3, 4)));
    wire[4] = wire[4] === 0x77 ? 0x78 : 0x77;
    await s.transport.write(wire);
    expect(await lastReportAfterPing(s)).toMatchObject({ code: DeviceErrorCode.BAD_CRC });
    await expectHealthy(s);
  });

  it('reports truncated frames and resynchronises', async () => {
    const s = await start();
    const raw = pingWire(new Uint8Array(100).fill(3));
    await s.transport.write(wrapRawFrame(raw.subarray(0, 60)));
    expect(await lastReportAfterPing(s)).toMatchObject({ code: DeviceErrorCode.TRUNCATED, detail: 60 });
    await s.transport.write(wrapRawFrame(raw.subarray(0, 6)));
    expect(await lastReportAfterPing(s)).toMatchObject({ code: DeviceErrorCode.TRUNCATED, detail: 6 });
    // A frame cut off without its delimiter: the next frame's leading 0x00 ends it.
    const wire = wrapRawFrame(raw);
    await s.transport.write(wire.subarray(0, 50));
    expect(s.client.noise.deviceReports).toBe(2);
    expect(await lastReportAfterPing(s)).toMatchObject({ code: DeviceErrorCode.BAD_COBS });
    await expectHealthy(s);
  });

  it('survives garbage between frames', async () => {
    const s = await start();
    for (let seed = 1; seed <= 20; seed++) {
      await s.transport.write(pseudoRandomBytes(97 * seed, seed));
      await s.client.ping(Uint8Array.of(seed));
    }
    expect(s.client.noise.deviceReports).toBeGreaterThan(0);
    await expectHealthy(s);
  });

  it('discards a frame larger than its buffer as OVERSIZE', async () => {
    const s = await start();
    await s.transport.write(Uint8Array.of(0, ...new Uint8Array(5000).fill(0x41), 0));
    expect(await lastReportAfterPing(s)).toMatchObject({ code: DeviceErrorCode.OVERSIZE, detail: 1024 });
    const tooBig = s.client.setInputChunk(0, 0, new Uint8Array(1100), { timeoutMs: 300 });
    const error = await tooBig.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceTimeoutError);
    expect((error as Error).message).toMatch(/reported 1 corrupt frame\(s\) from the host, last OVERSIZE/);
    await expectHealthy(s);
  });

  it('refuses out-of-range tensor writes and reads with an ERROR code', async () => {
    const s = await start();
    const { client } = s;
    const { BAD_RANGE, BAD_INDEX, BAD_LENGTH, UNKNOWN_TYPE } = DeviceErrorCode;
    await expectDeviceError(client.setInputChunk(1, 0, new Uint8Array(8)), BAD_RANGE);
    await expectDeviceError(client.setInputChunk(0, 1990, new Uint8Array(20)), BAD_RANGE);
    await expectDeviceError(client.setInputChunk(0, 0xfffffff0, new Uint8Array(32)), BAD_RANGE);
    await expectDeviceError(client.setInputChunk(2, 0, new Uint8Array(1)), BAD_INDEX);
    await expectDeviceError(client.getOutputChunk(0, 1999, 2), BAD_RANGE);
    await expectDeviceError(client.getOutputChunk(0, 0xffffffff, 1), BAD_RANGE);
    await expectDeviceError(client.getOutputChunk(0, 0, 2000), BAD_LENGTH);
    await expectDeviceError(client.getOutputChunk(12, 0, 1), BAD_INDEX);
    await expectDeviceError(client.request(MessageType.INVOKE, Uint8Array.of(1)), BAD_LENGTH);
    await expectDeviceError(client.request(MessageType.GET_OUTPUT, new Uint8Array(8)), BAD_LENGTH);
    await expectDeviceError(client.request(MessageType.STATS, Uint8Array.of(0x2d, 0x01)), BAD_INDEX);
    await expectDeviceError(client.request(MessageType.INFO, Uint8Array.of(15)), BAD_INDEX);
    await expectDeviceError(client.request(0x42), UNKNOWN_TYPE);
    await expectDeviceError(client.request(MessageType.PING | 0x80), UNKNOWN_TYPE);
    await expectHealthy(s);
  });

  it('answers every well-formed frame exactly once, whatever its content', async () => {
    const s = await start();
    const replies = new Map<number, number>();
    const decoder = new FrameDecoder();
    s.transport.onData((chunk) => {
      for (const item of decoder.push(chunk)) {
        if (item.kind === 'frame') replies.set(item.frame.seq, (replies.get(item.frame.seq) ?? 0) + 1);
      }
    });
    // Away from the client's own sequence numbers, which start at 0.
    const first = 1000;
    const count = 300;
    const noise = pseudoRandomBytes(count * 64, 77);
    for (let seq = first; seq < first + count; seq++) {
      const bytes = noise.subarray((seq - first) * 64, (seq - first) * 64 + 64);
      const type = bytes[0]! % 9;
      const payload = bytes.subarray(1, 1 + (bytes[1]! % 60));
      await s.transport.write(encodeFrame({ type: type === 8 ? bytes[2]! : type, seq, payload }));
    }
    await s.client.ping();
    for (let seq = first; seq < first + count; seq++) expect(replies.get(seq)).toBe(1);
    expect(replies.has(SEQ_NONE)).toBe(false);
    await expectHealthy(s);
  });

  it('times out when the device hangs in invoke', async () => {
    const { client } = await start(['--hang-on-invoke']);
    await expect(client.invoke({ timeoutMs: 300 })).rejects.toThrow(
      /no answer to INVOKE \(seq 0\) within 300 ms/,
    );
  });

  it('times out while the device is stopped, and recovers when it continues', async () => {
    const s = await start();
    await s.client.ping();
    process.kill(s.transport.pid!, 'SIGSTOP');
    try {
      await expect(s.client.info({ timeoutMs: 300 })).rejects.toThrow(DeviceTimeoutError);
    } finally {
      process.kill(s.transport.pid!, 'SIGCONT');
    }
    await s.client.ping(Uint8Array.of(1));
    expect(s.client.noise.stale).toBe(1);
    await expectHealthy(s);
  });
});

describe('decodeErrorReply on device output', () => {
  it('reads the unattributed report the device sends for a runt', async () => {
    const s = await start();
    const seen: ReturnType<typeof decodeErrorReply>[] = [];
    const decoder = new FrameDecoder();
    s.transport.onData((chunk) => {
      for (const item of decoder.push(chunk)) {
        if (item.kind === 'frame' && item.frame.seq === SEQ_NONE)
          seen.push(decodeErrorReply(item.frame.payload));
      }
    });
    await s.transport.write(Uint8Array.of(0, 2, 7, 0));
    await s.client.ping();
    expect(seen).toEqual([{ code: DeviceErrorCode.TRUNCATED, detail: 1, text: 'frame too short' }]);
  });
});
