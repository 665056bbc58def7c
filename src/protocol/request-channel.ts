/**
 * One request at a time over a Transport (docs/protocol.md, section 2): numbers requests,
 * matches responses by seq, times out, and turns ERROR frames and damaged frames into typed
 * errors. Noise (bytes that are not frames, device reports of corrupt frames) never fails a
 * request by itself; it is counted and named in a later timeout message.
 */
import { DeviceError, DeviceTimeoutError, ProtocolError, TransportError } from '../errors.js';
import type { Transport } from '../transport/transport.js';
import {
  type CorruptData,
  type DecodedItem,
  encodeFrame,
  type Frame,
  FrameDecoder,
  isNoise,
  SEQ_NONE,
} from './frame.js';
import {
  DeviceErrorCode,
  decodeErrorReply,
  deviceErrorName,
  type ErrorReply,
  MessageType,
  messageTypeName,
  RESPONSE_BIT,
} from './messages.js';

interface Pending {
  seq: number;
  type: number;
  resolve: (frame: Frame) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  noiseAtStart: NoiseCounts;
}

/** What arrived that was not an answer; totals since the channel opened. */
export interface NoiseCounts {
  /** Runs of received bytes that were not frames (boot text, line noise). */
  junkRuns: number;
  junkBytes: number;
  lastJunk?: CorruptData;
  /** Unattributed device ERRORs: the device saw a corrupt frame from the host. */
  deviceReports: number;
  lastDeviceReport?: ErrorReply;
  /** Valid frames nobody waited for (late answers to timed-out requests). */
  stale: number;
}

const HINTS: Record<number, string> = {
  [DeviceErrorCode.UNKNOWN_TYPE]:
    'the firmware speaks another protocol version; rebuild it with this tinyforge',
  [DeviceErrorCode.BAD_LENGTH]: 'the host and the firmware disagree about the message layout or the model',
  [DeviceErrorCode.BAD_INDEX]: 'the firmware holds another model; rebuild and flash it for this model',
  [DeviceErrorCode.BAD_RANGE]: 'the firmware holds another model; rebuild and flash it for this model',
  [DeviceErrorCode.INVOKE_FAILED]: 'the model failed on the device; the detail is its status code',
  [DeviceErrorCode.UNSUPPORTED]: 'the firmware was built without this feature',
};
const LINE_HINT = 'bytes were damaged on the line; check the baud rate and the wiring';

export function toDeviceError(reply: ErrorReply, request: string): DeviceError {
  const message = `${deviceErrorName(reply.code)} in ${request}: ${reply.text} (detail ${reply.detail})`;
  return new DeviceError(reply.code, message, HINTS[reply.code] ?? LINE_HINT);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export class RequestChannel {
  readonly noise: NoiseCounts = { junkRuns: 0, junkBytes: 0, deviceReports: 0, stale: 0 };
  private readonly decoder = new FrameDecoder();
  private nextSeq = 0;
  private pending: Pending | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private closedError: Error | undefined;
  private readonly unsubscribe: Array<() => void>;

  constructor(readonly transport: Transport) {
    this.unsubscribe = [
      transport.onData((chunk) => this.receive(chunk)),
      transport.onClose((error) => this.closedBy(error)),
    ];
  }

  /** Queued behind earlier requests; resolves with the matching response frame. */
  request(type: number, payload: Uint8Array, timeoutMs: number): Promise<Frame> {
    const run = this.tail.then(() => this.exchange(type, payload, timeoutMs));
    this.tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    this.closedBy(new TransportError(`${this.transport.description}: the client was closed`));
    await this.transport.close();
  }

  private exchange(type: number, payload: Uint8Array, timeoutMs: number): Promise<Frame> {
    if (this.closedError) return Promise.reject(this.closedError);
    const seq = this.nextSeq;
    this.nextSeq = (seq + 1) % SEQ_NONE;
    const wire = encodeFrame({ type, seq, payload });
    return new Promise<Frame>((resolve, reject) => {
      const pending: Pending = { seq, type, resolve, reject, noiseAtStart: { ...this.noise } };
      pending.timer = setTimeout(
        () => this.settle(pending, this.timeoutError(pending, timeoutMs)),
        timeoutMs,
      );
      this.pending = pending;
      this.transport.write(wire).catch((error: Error) => this.settle(pending, error));
    });
  }

  private settle(pending: Pending, result: Frame | Error): void {
    if (this.pending !== pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (result instanceof Error) pending.reject(result);
    else pending.resolve(result);
  }

  private closedBy(error?: Error): void {
    this.closedError ??= error ?? new TransportError(`${this.transport.description}: the connection closed`);
    if (this.pending) this.settle(this.pending, this.closedError);
  }

  private receive(chunk: Uint8Array): void {
    for (const item of this.decoder.push(chunk)) this.handle(item);
  }

  private handle(item: DecodedItem): void {
    if (item.kind === 'corrupt') {
      this.corrupt(item);
      return;
    }
    const { frame } = item;
    const pending = this.pending;
    if (frame.type === MessageType.ERROR && frame.seq === SEQ_NONE) {
      this.noise.deviceReports++;
      this.noise.lastDeviceReport = safeDecodeError(frame.payload);
    } else if (!pending || frame.seq !== pending.seq) {
      this.noise.stale++;
    } else {
      this.settle(pending, this.answer(pending, frame));
    }
  }

  private answer(pending: Pending, frame: Frame): Frame | Error {
    const request = `${messageTypeName(pending.type)} (seq ${pending.seq})`;
    if (frame.type === MessageType.ERROR) {
      const reply = safeDecodeError(frame.payload);
      return reply
        ? toDeviceError(reply, request)
        : new ProtocolError(`malformed ERROR answer to ${request}`);
    }
    if (frame.type !== (pending.type | RESPONSE_BIT)) {
      return new ProtocolError(`${request} was answered by a ${messageTypeName(frame.type)} frame`);
    }
    return frame;
  }

  private corrupt(item: CorruptData): void {
    const pending = this.pending;
    if (pending && !isNoise(item.reason)) {
      const request = `${messageTypeName(pending.type)} (seq ${pending.seq})`;
      const what = `${item.reason}, ${item.size} bytes: ${hex(item.sample)}`;
      this.settle(
        pending,
        new ProtocolError(`damaged frame from the device while waiting for ${request} (${what})`, LINE_HINT),
      );
      return;
    }
    this.noise.junkRuns++;
    this.noise.junkBytes += item.size;
    this.noise.lastJunk = item;
  }

  private timeoutError(pending: Pending, timeoutMs: number): DeviceTimeoutError {
    const request = `${messageTypeName(pending.type)} (seq ${pending.seq})`;
    const notes = this.noiseSince(pending.noiseAtStart);
    const extra = notes.length ? `; ${notes.join('; ')}` : '';
    return new DeviceTimeoutError(
      `no answer to ${request} within ${timeoutMs} ms from ${this.transport.description}${extra}`,
    );
  }

  /** What arrived instead of an answer, in words, for the timeout message. */
  private noiseSince(before: NoiseCounts): string[] {
    const notes: string[] = [];
    const reports = this.noise.deviceReports - before.deviceReports;
    const last = this.noise.lastDeviceReport;
    if (reports > 0 && last) {
      notes.push(
        `the device reported ${reports} corrupt frame(s) from the host, last ${deviceErrorName(last.code)}: ${last.text}`,
      );
    }
    const junk = this.noise.junkRuns - before.junkRuns;
    if (junk > 0 && this.noise.lastJunk) {
      const bytes = this.noise.junkBytes - before.junkBytes;
      notes.push(
        `${junk} run(s) of non-frame bytes arrived (${bytes} bytes), last "${printable(this.noise.lastJunk.sample)}"`,
      );
    }
    const { size, sample } = this.decoder.unfinished;
    if (size > 0) notes.push(`${size} byte(s) without a frame delimiter arrived: "${printable(sample)}"`);
    return notes;
  }
}

function printable(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes).replace(/[^\x20-\x7e]/g, '.');
}

function safeDecodeError(payload: Uint8Array): ErrorReply | undefined {
  try {
    return decodeErrorReply(payload);
  } catch {
    return undefined;
  }
}
