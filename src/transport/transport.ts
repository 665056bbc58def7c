/**
 * A byte stream to a device: a QEMU serial socket, a child process's stdio, a serial port.
 * The protocol layer (src/protocol/) adds framing; a transport only moves bytes. The shape
 * follows Node streams so a `serialport` port wraps in a few lines.
 */
export interface Transport {
  /** Where the bytes go, for error messages: "tcp 127.0.0.1:5555", "child ./echo_device". */
  readonly description: string;
  /** Resolves when the bytes are handed to the OS; rejects with TransportError once closed. */
  write(bytes: Uint8Array): Promise<void>;
  /** Received bytes, in order; chunks that arrive before the first listener are kept for it. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the stream ends; `error` says why when it was not `close()`. */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** Received bytes kept for a listener that has not subscribed yet; older bytes beyond it are dropped. */
const MAX_BACKLOG_BYTES = 1 << 20;

/** The listener bookkeeping every transport needs; implementations call emitData/emitClose. */
export class TransportEvents {
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly closeListeners = new Set<(error?: Error) => void>();
  private backlog: Uint8Array[] = [];
  private backlogBytes = 0;
  private closed: { error?: Error } | undefined;

  get isClosed(): boolean {
    return this.closed !== undefined;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    const backlog = this.backlog;
    this.backlog = [];
    this.backlogBytes = 0;
    for (const chunk of backlog) listener(chunk);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (error?: Error) => void): () => void {
    if (this.closed) {
      const { error } = this.closed;
      queueMicrotask(() => listener(error));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  emitData(chunk: Uint8Array): void {
    if (this.dataListeners.size === 0) {
      this.backlog.push(chunk);
      this.backlogBytes += chunk.length;
      while (this.backlogBytes > MAX_BACKLOG_BYTES) this.backlogBytes -= this.backlog.shift()!.length;
      return;
    }
    for (const listener of this.dataListeners) listener(chunk);
  }

  /** Only the first call counts: a stream closes once. */
  emitClose(error?: Error): void {
    if (this.closed) return;
    this.closed = { error };
    for (const listener of this.closeListeners) listener(error);
    this.closeListeners.clear();
  }
}
