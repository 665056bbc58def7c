import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../../src/errors.js';
import {
  decodeErrorReply,
  decodeGetOutputRequest,
  decodeInfoReply,
  decodePageRequest,
  decodeSetInputRequest,
  decodeStatsReply,
  deviceErrorName,
  encodeErrorReply,
  encodeGetOutputRequest,
  encodeInfoReply,
  encodePageRequest,
  encodeSetInputRequest,
  encodeStatsReply,
  type InfoPage,
  messageTypeName,
  type StatsPage,
} from '../../src/protocol/messages.js';

const info: InfoPage = {
  protocolVersion: 1,
  maxPayload: 1024,
  modelHash: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
  nInputs: 1,
  nOutputs: 1,
  first: 0,
  runtimeVersion: 'tinyforge 0.1.0',
  boardName: 'mps2-an386',
  modelName: 'sine',
  tensors: [
    { name: 'x', dtype: 9, shape: [1, 1], scale: 0.5, zeroPoint: -128, byteSize: 1 },
    { name: 'y', dtype: 9, shape: [], scale: 0, zeroPoint: 0, byteSize: 1 },
  ],
};

const stats: StatsPage = {
  invokeCount: 3,
  unit: 'instructions',
  total: 2n ** 40n + 5n,
  arenaSizeBytes: 4096,
  arenaUsedBytes: 1000,
  stackUsedBytes: 200,
  ramBytes: 0,
  opCount: 5,
  firstOp: 2,
  perOp: [1n, 2n, 3n],
};

describe('messages', () => {
  it('round-trips every payload', () => {
    expect(decodeInfoReply(encodeInfoReply(info))).toEqual(info);
    expect(decodeStatsReply(encodeStatsReply(stats))).toEqual(stats);
    const error = { code: 8, detail: -2, text: 'input range outside the tensor' };
    expect(decodeErrorReply(encodeErrorReply(error))).toEqual(error);
    const set = { index: 1, offset: 70000, data: Uint8Array.of(0, 1, 2) };
    expect(decodeSetInputRequest(encodeSetInputRequest(set))).toEqual(set);
    const get = { index: 0, offset: 1019, length: 5 };
    expect(decodeGetOutputRequest(encodeGetOutputRequest(get))).toEqual(get);
    expect(decodePageRequest('STATS', encodePageRequest('STATS', 300))).toBe(300);
    expect(decodePageRequest('INFO', new Uint8Array())).toBe(0);
  });

  it('encodes payloads larger than the writer starts with', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
    const set = { index: 3, offset: 5, data };
    expect(decodeSetInputRequest(encodeSetInputRequest(set))).toEqual(set);
    const many = {
      ...stats,
      opCount: 200,
      firstOp: 0,
      perOp: Array.from({ length: 200 }, (_, i) => BigInt(i)),
    };
    expect(decodeStatsReply(encodeStatsReply(many))).toEqual(many);
  });

  it('lays out GET_OUTPUT and the STATS header byte by byte', () => {
    expect(Array.from(encodeGetOutputRequest({ index: 2, offset: 0x01020304, length: 16 }))).toEqual([
      2, 4, 3, 2, 1, 16, 0, 0, 0,
    ]);
    const bytes = encodeStatsReply({ ...stats, perOp: [] });
    expect(bytes.length).toBe(36);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([3, 0, 0, 0, 1, 0, 5, 0]);
  });

  it('throws ProtocolError on short or padded payloads', () => {
    expect(() => decodeInfoReply(encodeInfoReply(info).subarray(0, 20))).toThrow(ProtocolError);
    expect(() => decodeGetOutputRequest(new Uint8Array(10))).toThrow(/trailing/);
  });

  it('names types and error codes', () => {
    expect(messageTypeName(0x02)).toBe('INFO');
    expect(messageTypeName(0x85)).toBe('GET_OUTPUT response');
    expect(messageTypeName(0xff)).toBe('ERROR');
    expect(messageTypeName(0x42)).toBe('0x42');
    expect(deviceErrorName(8)).toBe('BAD_RANGE');
    expect(deviceErrorName(99)).toBe('ERROR_99');
  });
});
