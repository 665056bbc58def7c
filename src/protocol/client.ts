/**
 * DeviceClient: the host's view of a device running the tinyforge protocol server
 * (runtime/protocol/). Splits large tensors into chunks that fit the device's frames and
 * reassembles the paged INFO and STATS answers.
 */
import { InputMismatchError, ProtocolError } from '../errors.js';
import type { Transport } from '../transport/transport.js';
import type { Frame } from './frame.js';
import {
  decodeEmpty,
  decodeInfoReply,
  decodeStatsReply,
  encodeGetOutputRequest,
  encodePageRequest,
  encodeSetInputRequest,
  type InfoPage,
  MessageType,
  PROTOCOL_VERSION,
  SET_INPUT_HEADER_BYTES,
  type StatsSummary,
  type TensorSpec,
} from './messages.js';
import { type NoiseCounts, RequestChannel } from './request-channel.js';

export interface DeviceClientOptions {
  /** Per request (default 2000 ms). */
  timeoutMs?: number;
  /** For INVOKE, which runs the model (default 60000 ms). */
  invokeTimeoutMs?: number;
}

export interface RequestOptions {
  timeoutMs?: number;
}

export interface DeviceInfo {
  protocolVersion: number;
  maxPayload: number;
  modelHash: Uint8Array;
  runtimeVersion: string;
  boardName: string;
  modelName: string;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}

export interface DeviceStats extends StatsSummary {
  /** Count of each op in the last invoke, in execution order. */
  perOp: bigint[];
}

export class DeviceClient {
  private readonly channel: RequestChannel;
  private readonly timeoutMs: number;
  private readonly invokeTimeoutMs: number;
  private cachedInfo: DeviceInfo | undefined;

  constructor(transport: Transport, options: DeviceClientOptions = {}) {
    this.channel = new RequestChannel(transport);
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.invokeTimeoutMs = options.invokeTimeoutMs ?? 60_000;
  }

  /** Counts of what arrived besides answers, for diagnostics. */
  get noise(): Readonly<NoiseCounts> {
    return this.channel.noise;
  }

  /** Low level: one request frame, its response frame (ERROR answers throw DeviceError). */
  request(
    type: number,
    payload: Uint8Array = new Uint8Array(),
    options: RequestOptions = {},
  ): Promise<Frame> {
    return this.channel.request(type, payload, options.timeoutMs ?? this.timeoutMs);
  }

  async ping(data: Uint8Array = new Uint8Array(), options?: RequestOptions): Promise<void> {
    const { payload } = await this.request(MessageType.PING, data, options);
    if (payload.length !== data.length || payload.some((b, i) => b !== data[i])) {
      throw new ProtocolError('PING answer differs from the request');
    }
  }

  /** Identity and I/O specs; cached after the first call unless `refresh`. */
  async info(options: RequestOptions & { refresh?: boolean } = {}): Promise<DeviceInfo> {
    if (this.cachedInfo && !options.refresh) return this.cachedInfo;
    const first = await this.infoPage(0, options);
    const total = first.nInputs + first.nOutputs;
    const tensors = [...first.tensors];
    while (tensors.length < total) {
      const page = await this.infoPage(tensors.length, options);
      if (page.tensors.length === 0 || page.nInputs !== first.nInputs || page.nOutputs !== first.nOutputs) {
        throw new ProtocolError(`INFO page at tensor ${tensors.length} is inconsistent with the first page`);
      }
      tensors.push(...page.tensors);
    }
    const { protocolVersion, maxPayload, modelHash, runtimeVersion, boardName, modelName } = first;
    this.cachedInfo = {
      ...{ protocolVersion, maxPayload, modelHash, runtimeVersion, boardName, modelName },
      inputs: tensors.slice(0, first.nInputs),
      outputs: tensors.slice(first.nInputs),
    };
    return this.cachedInfo;
  }

  private async infoPage(first: number, options: RequestOptions): Promise<InfoPage> {
    const frame = await this.request(MessageType.INFO, encodePageRequest('INFO', first), options);
    const page = decodeInfoReply(frame.payload);
    if (page.protocolVersion !== PROTOCOL_VERSION) {
      throw new ProtocolError(
        `the device speaks protocol version ${page.protocolVersion}, this tinyforge speaks ${PROTOCOL_VERSION}`,
      );
    }
    if (page.first !== first) throw new ProtocolError(`INFO answered tensor ${page.first}, asked ${first}`);
    return page;
  }

  /** Writes a whole input tensor, in chunks that fit the device's frames. */
  async setInput(index: number, data: Uint8Array, options?: RequestOptions): Promise<void> {
    const info = await this.info(options);
    const spec = pick(info.inputs, index, 'input');
    if (data.length !== spec.byteSize) {
      throw new InputMismatchError(
        `input ${index} (${spec.name}) takes ${spec.byteSize} bytes, got ${data.length}`,
      );
    }
    const chunk = info.maxPayload - SET_INPUT_HEADER_BYTES;
    for (let offset = 0; offset < data.length || offset === 0; offset += chunk) {
      await this.setInputChunk(index, offset, data.subarray(offset, offset + chunk), options);
      if (data.length === 0) break;
    }
  }

  /** Low level: one SET_INPUT, unchecked, so the device's own checks can be exercised. */
  async setInputChunk(
    index: number,
    offset: number,
    data: Uint8Array,
    options?: RequestOptions,
  ): Promise<void> {
    const frame = await this.request(
      MessageType.SET_INPUT,
      encodeSetInputRequest({ index, offset, data }),
      options,
    );
    decodeEmpty(frame.payload, 'SET_INPUT response');
  }

  async invoke(options: RequestOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.invokeTimeoutMs;
    const frame = await this.request(MessageType.INVOKE, new Uint8Array(), { timeoutMs });
    decodeEmpty(frame.payload, 'INVOKE response');
  }

  /** Reads a whole output tensor, in chunks that fit the device's frames. */
  async getOutput(index: number, options?: RequestOptions): Promise<Uint8Array> {
    const info = await this.info(options);
    const spec = pick(info.outputs, index, 'output');
    const out = new Uint8Array(spec.byteSize);
    for (let offset = 0; offset < out.length; offset += info.maxPayload) {
      const length = Math.min(info.maxPayload, out.length - offset);
      out.set(await this.getOutputChunk(index, offset, length, options), offset);
    }
    return out;
  }

  /** Low level: one GET_OUTPUT, unchecked. */
  async getOutputChunk(
    index: number,
    offset: number,
    length: number,
    options?: RequestOptions,
  ): Promise<Uint8Array> {
    const payload = encodeGetOutputRequest({ index, offset, length });
    const frame = await this.request(MessageType.GET_OUTPUT, payload, options);
    if (frame.payload.length !== length) {
      throw new ProtocolError(`GET_OUTPUT asked ${length} bytes, the device sent ${frame.payload.length}`);
    }
    return frame.payload;
  }

  /** Counts and RAM figures of the last invoke (DeviceError UNSUPPORTED if the firmware has none). */
  async stats(options?: RequestOptions): Promise<DeviceStats> {
    const perOp: bigint[] = [];
    for (;;) {
      const frame = await this.request(MessageType.STATS, encodePageRequest('STATS', perOp.length), options);
      const { opCount, firstOp, perOp: page, ...summary } = decodeStatsReply(frame.payload);
      if (firstOp !== perOp.length || (page.length === 0 && perOp.length < opCount)) {
        throw new ProtocolError(
          `STATS page at op ${perOp.length} is inconsistent (first ${firstOp}, ${page.length} ops)`,
        );
      }
      perOp.push(...page);
      if (perOp.length >= opCount) return { ...summary, perOp };
    }
  }

  /** Clears the state of a stateful model. */
  async reset(options?: RequestOptions): Promise<void> {
    const frame = await this.request(MessageType.RESET, new Uint8Array(), options);
    decodeEmpty(frame.payload, 'RESET response');
  }

  /** Fails a pending request with TransportError and closes the transport. */
  close(): Promise<void> {
    return this.channel.close();
  }
}

function pick(specs: TensorSpec[], index: number, kind: 'input' | 'output'): TensorSpec {
  const spec = specs[index];
  if (!Number.isInteger(index) || !spec) {
    throw new InputMismatchError(`no ${kind} ${index}: the device's model has ${specs.length} ${kind}(s)`);
  }
  return spec;
}
