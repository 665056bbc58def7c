/**
 * `--device micro DIR`: the firmware of a project (create-project → build → flash) on its
 * platform's device — QEMU, a board on a serial port, a custom transport — over the protocol.
 *
 * The firmware reports SysTick ticks; the platform says what a tick is worth (QEMU -icount:
 * 1e9 / systickHz instructions; a real core: one cycle) and this session converts. When the
 * platform measures each invoke exactly (QEMU's counting plugin), that count is the total.
 */
import { DeviceError } from '../errors.js';
import { connectProject } from '../platforms/project.js';
import type { DeviceConnection, OptionValue, Reporter } from '../platforms/types.js';
import type { DeviceOptions } from './devices.js';
import { ProtocolSession } from './protocol-session.js';
import type { DeviceStats, InferenceSession, IOSpec } from './session.js';

export class MicroSession implements InferenceSession {
  readonly device = 'micro';
  private exactCount: number | undefined;

  constructor(
    private readonly inner: ProtocolSession,
    private readonly connection: DeviceConnection,
  ) {}

  get inputs(): IOSpec[] {
    return this.inner.inputs;
  }

  get outputs(): IOSpec[] {
    return this.inner.outputs;
  }

  setInput(i: number, bytes: Uint8Array): Promise<void> {
    return this.inner.setInput(i, bytes);
  }

  async invoke(): Promise<void> {
    let failure: unknown;
    try {
      await this.inner.invoke();
    } catch (e) {
      failure = e;
    }
    // A model that failed still closed its counting region: take that count, or the next
    // invoke would read it.
    const regionClosed = failure === undefined || failure instanceof DeviceError;
    if (this.connection.nextInvokeCount && regionClosed)
      this.exactCount = await this.connection.nextInvokeCount();
    if (failure !== undefined) throw failure;
  }

  getOutput(i: number): Promise<Uint8Array> {
    return this.inner.getOutput(i);
  }

  async stats(): Promise<DeviceStats | null> {
    const counts = this.connection.counts;
    if (!counts) return null;
    const s = await this.inner.client.stats();
    if (s.unit === 'none') return null;
    const scale = s.unit === 'ticks' ? counts.perTick : 1;
    const unit = s.unit === 'ticks' ? counts.unit : s.unit === 'cycles' ? 'cycles' : 'instructions';
    const total = this.exactCount ?? Math.round(Number(s.total) * scale);
    return { total, unit, perOp: s.perOp.map((n) => Math.round(Number(n) * scale)) };
  }

  /** RAM figures the firmware measured (stack high-water mark, static RAM). */
  async memory(): Promise<{ stackUsedBytes: number; ramBytes: number; arenaBytes: number }> {
    const s = await this.inner.client.stats();
    return { stackUsedBytes: s.stackUsedBytes, ramBytes: s.ramBytes, arenaBytes: s.arenaSizeBytes };
  }

  reset(): Promise<void> {
    return this.inner.reset();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface MicroOptions {
  overrides?: Readonly<Record<string, OptionValue>>;
  reporter?: Reporter;
}

export async function openMicro(dir: string, o: MicroOptions = {}): Promise<MicroSession> {
  o.reporter?.step?.('starting the device');
  const connection = await connectProject(dir, o);
  // Emulated UARTs are slow (~25 KB/s towards the device): give requests room.
  const session = await ProtocolSession.open('micro', connection.transport, {
    timeoutMs: 10_000,
    invokeTimeoutMs: 600_000,
    onClose: () => connection.close(),
  });
  return new MicroSession(session, connection);
}

/** The `run` device opener: DIR is the project; `projectOptions` override stored options. */
export function openMicroDevice(opts: DeviceOptions): Promise<MicroSession> {
  const overrides = (opts.projectOptions ?? {}) as Record<string, OptionValue>;
  return openMicro(opts.target, { overrides, reporter: opts.reporter as Reporter | undefined });
}
