import { afterEach, describe, expect, it } from 'vitest';
import {
  DeviceError,
  DeviceTimeoutError,
  InputMismatchError,
  ProtocolError,
  TransportError,
} from '../../src/errors.js';
import { DeviceClient } from '../../src/protocol/client.js';
import { encodeRawFrame, type Frame, SEQ_NONE, wrapRawFrame } from '../../src/protocol/frame.js';
import {
  DeviceErrorCode,
  decodePageRequest,
  encodeErrorReply,
  encodeInfoReply,
  type InfoPage,
  MessageType,
  type TensorSpec,
} from '../../src/protocol/messages.js';
import { MemoryTransport } from './memory-transport.js';

const spec = (name: string, byteSize: number): TensorSpec => ({
  name,
  dtype: 9,
  shape: [byteSize],
  scale: 1,
  zeroPoint: 0,
  byteSize,
});
const tensors = [spec('in', 10), spec('out0', 3), spec('out1', 4)];

/** A fake device that answers INFO one tensor per page and acknowledges everything else. */
function fakeDevice(t: MemoryTransport, overrides: Partial<InfoPage> = {}) {
  t.device = (frame: Frame) => {
    const answer = (payload: Uint8Array = new Uint8Array()) =>
      t.reply({ type: frame.type | 0x80, seq: frame.seq, payload });
    if (frame.type !== MessageType.INFO) return answer();
    const first = decodePageRequest('INFO', frame.payload);
    const page: InfoPage = {
      ...{ protocolVersion: 1, maxPayload: 512, modelHash: new Uint8Array(8), nInputs: 1, nOutputs: 2 },
      ...{ first, runtimeVersion: 'r', boardName: 'b', modelName: 'm' },
      tensors: tensors.slice(first, first + 1),
      ...overrides,
    };
    answer(encodeInfoReply(page));
  };
}

let transport: MemoryTransport;
let client: DeviceClient;

function setup(options = { timeoutMs: 5000 }) {
  transport = new MemoryTransport();
  client = new DeviceClient(transport, options);
}

afterEach(() => client.close());

describe('DeviceClient', () => {
  it('assembles paged INFO and caches it', async () => {
    setup();
    fakeDevice(transport);
    const info = await client.info();
    expect(info.inputs.map((x) => x.name)).toEqual(['in']);
    expect(info.outputs.map((x) => x.name)).toEqual(['out0', 'out1']);
    await client.info();
    expect(transport.sent.map((f) => f.seq)).toEqual([0, 1, 2]);
  });

  it('refuses a device of another protocol version', async () => {
    setup();
    fakeDevice(transport, { protocolVersion: 2 });
    await expect(client.info()).rejects.toThrow(ProtocolError);
  });

  it('checks input sizes and indices before sending', async () => {
    setup();
    fakeDevice(transport);
    await expect(client.setInput(0, new Uint8Array(9))).rejects.toThrow(InputMismatchError);
    await expect(client.getOutput(2)).rejects.toThrow(/no output 2/);
    expect(transport.sent.every((f) => f.type === MessageType.INFO)).toBe(true);
  });

  it('turns an ERROR answer into DeviceError', async () => {
    setup();
    transport.device = (frame) => {
      const payload = encodeErrorReply({ code: DeviceErrorCode.BAD_RANGE, detail: 10, text: 'outside' });
      transport.reply({ type: MessageType.ERROR, seq: frame.seq, payload });
    };
    const error = await client.setInputChunk(0, 8, new Uint8Array(4)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect((error as DeviceError).deviceCode).toBe(DeviceErrorCode.BAD_RANGE);
    expect((error as Error).message).toMatch(/BAD_RANGE in SET_INPUT \(seq 0\): outside \(detail 10\)/);
  });

  it('times out with a message naming the request and the noise seen meanwhile', async () => {
    setup({ timeoutMs: 200 });
    transport.device = () => {
      const payload = encodeErrorReply({ code: DeviceErrorCode.BAD_CRC, detail: 0, text: 'CRC mismatch' });
      transport.reply({ type: MessageType.ERROR, seq: SEQ_NONE, payload });
      transport.deliver(new TextEncoder().encode('\0panic: stack overflow\n'));
    };
    const error = await client.reset().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceTimeoutError);
    const message = (error as Error).message;
    expect(message).toMatch(/no answer to RESET \(seq 0\) within 200 ms from memory/);
    expect(message).toMatch(/reported 1 corrupt frame\(s\) from the host, last BAD_CRC/);
    expect(message).toMatch(/panic: stack overflow/);
  });

  it('ignores a late answer to a timed-out request', async () => {
    setup();
    const held: Frame[] = [];
    transport.device = (frame) => held.push(frame);
    await expect(client.invoke({ timeoutMs: 50 })).rejects.toThrow(DeviceTimeoutError);
    transport.device = (frame) => {
      for (const old of held.splice(0))
        transport.reply({ type: old.type | 0x80, seq: old.seq, payload: new Uint8Array() });
      transport.reply({ type: frame.type | 0x80, seq: frame.seq, payload: Uint8Array.of(1, 2) });
    };
    await client.ping(Uint8Array.of(1, 2));
    expect(client.noise.stale).toBe(1);
  });

  it('fails the pending request on a damaged frame, then works again', async () => {
    setup();
    transport.device = (frame) => {
      const raw = encodeRawFrame({ type: frame.type | 0x80, seq: frame.seq, payload: new Uint8Array() });
      raw[raw.length - 1] = raw[raw.length - 1]! ^ 0xff;
      transport.deliver(wrapRawFrame(raw));
    };
    await expect(client.reset()).rejects.toThrow(
      /damaged frame from the device while waiting for RESET \(seq 0\) \(bad-crc/,
    );
    transport.device = (frame) =>
      transport.reply({ type: frame.type | 0x80, seq: frame.seq, payload: new Uint8Array() });
    await client.reset();
  });

  it('refuses a payload no frame can carry, and goes on', async () => {
    setup();
    transport.device = (frame) =>
      transport.reply({ type: frame.type | 0x80, seq: frame.seq, payload: frame.payload });
    await expect(client.ping(new Uint8Array(70_000))).rejects.toThrow(ProtocolError);
    await client.ping(Uint8Array.of(3));
  });

  it('rejects an answer of the wrong type', async () => {
    setup();
    transport.device = (frame) => transport.reply({ type: 0x87, seq: frame.seq, payload: new Uint8Array() });
    await expect(client.invoke()).rejects.toThrow(/INVOKE \(seq 0\) was answered by a RESET response frame/);
  });

  it('fails the pending request when the transport closes', async () => {
    setup();
    transport.device = () => transport.events.emitClose(new TransportError('memory: unplugged'));
    await expect(client.ping()).rejects.toThrow(/unplugged/);
    await expect(client.ping()).rejects.toThrow(TransportError);
  });
});
