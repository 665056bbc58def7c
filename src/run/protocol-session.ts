/** An InferenceSession over the device protocol: native processes, QEMU and real boards. */
import { DeviceClient } from '../protocol/client.js';
import type { TensorSpec } from '../protocol/info-message.js';
import { TENSOR_TYPES } from '../tflite/schema.js';
import type { Transport } from '../transport/transport.js';
import type { DeviceStats, InferenceSession, IOSpec } from './session.js';

function toSpec(t: TensorSpec, index: number): IOSpec {
  return {
    index,
    name: t.name,
    dtype: TENSOR_TYPES[t.dtype] ?? `type${t.dtype}`,
    shape: t.shape,
    bytes: t.byteSize,
    scale: t.scale === 0 ? null : t.scale,
    zeroPoint: t.scale === 0 ? null : t.zeroPoint,
  };
}

export class ProtocolSession implements InferenceSession {
  readonly device: string;
  readonly inputs: IOSpec[];
  readonly outputs: IOSpec[];
  readonly client: DeviceClient;
  private readonly transport: Transport;
  private readonly onClose: () => Promise<void>;

  private constructor(
    device: string,
    client: DeviceClient,
    transport: Transport,
    io: { inputs: IOSpec[]; outputs: IOSpec[] },
    onClose: () => Promise<void>,
  ) {
    this.device = device;
    this.client = client;
    this.transport = transport;
    this.inputs = io.inputs;
    this.outputs = io.outputs;
    this.onClose = onClose;
  }

  /** Connects, reads INFO (the device's own I/O description) and returns the session. */
  static async open(
    device: string,
    transport: Transport,
    opts: { timeoutMs?: number; invokeTimeoutMs?: number; onClose?: () => Promise<void> } = {},
  ): Promise<ProtocolSession> {
    const client = new DeviceClient(transport, {
      timeoutMs: opts.timeoutMs,
      invokeTimeoutMs: opts.invokeTimeoutMs,
    });
    const close = opts.onClose ?? (async () => {});
    try {
      const info = await client.info();
      return new ProtocolSession(
        device,
        client,
        transport,
        { inputs: info.inputs.map(toSpec), outputs: info.outputs.map(toSpec) },
        close,
      );
    } catch (e) {
      await transport.close();
      await close();
      throw e;
    }
  }

  async setInput(i: number, bytes: Uint8Array): Promise<void> {
    await this.client.setInput(i, bytes);
  }

  async invoke(): Promise<void> {
    await this.client.invoke();
  }

  async getOutput(i: number): Promise<Uint8Array> {
    return this.client.getOutput(i);
  }

  async stats(): Promise<DeviceStats | null> {
    const s = await this.client.stats();
    if (s.unit === 'none') return null;
    const unit = s.unit === 'cycles' ? 'cycles' : 'instructions';
    return { total: Number(s.total), unit, perOp: s.perOp.map(Number) };
  }

  async reset(): Promise<void> {
    await this.client.reset();
  }

  async close(): Promise<void> {
    await this.transport.close();
    await this.onClose();
  }
}
