/** An in-memory Transport whose far end is a test playing the device, frame by frame. */
import { TransportError } from '../../src/errors.js';
import { encodeFrame, type Frame, FrameDecoder } from '../../src/protocol/frame.js';
import { type Transport, TransportEvents } from '../../src/transport/transport.js';

export class MemoryTransport implements Transport {
  readonly description = 'memory';
  readonly events = new TransportEvents();
  /** Frames the host sent, in order. */
  readonly sent: Frame[] = [];
  /** The fake device: called for each frame the host sends. */
  device: ((frame: Frame) => void) | undefined;
  private readonly decoder = new FrameDecoder();

  write(bytes: Uint8Array): Promise<void> {
    if (this.events.isClosed) return Promise.reject(new TransportError('memory: closed'));
    for (const item of this.decoder.push(bytes)) {
      if (item.kind !== 'frame') continue;
      this.sent.push(item.frame);
      // Answer after the write resolves, as a real link would.
      setImmediate(() => this.device?.(item.frame));
    }
    return Promise.resolve();
  }

  deliver(bytes: Uint8Array): void {
    this.events.emitData(bytes);
  }

  reply(frame: Frame): void {
    this.deliver(encodeFrame(frame));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  close(): Promise<void> {
    this.events.emitClose();
    return Promise.resolve();
  }
}
