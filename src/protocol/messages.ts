/**
 * Message types, device error codes and the payload of every message (docs/protocol.md,
 * section 3). Each encoder has a decoder, so either side of the protocol can be played in TS.
 */
import { ByteReader, ByteWriter } from './byte-io.js';

export const PROTOCOL_VERSION = 1;
export const RESPONSE_BIT = 0x80;

export const MessageType = {
  PING: 0x01,
  INFO: 0x02,
  SET_INPUT: 0x03,
  INVOKE: 0x04,
  GET_OUTPUT: 0x05,
  STATS: 0x06,
  RESET: 0x07,
  ERROR: 0xff,
} as const;
export type MessageTypeName = keyof typeof MessageType;

export function messageTypeName(type: number): string {
  const request = type === MessageType.ERROR ? type : type & ~RESPONSE_BIT;
  const name = Object.entries(MessageType).find(([, code]) => code === request)?.[0];
  const label = name ?? `0x${type.toString(16).padStart(2, '0')}`;
  return type & RESPONSE_BIT && type !== MessageType.ERROR && name ? `${label} response` : label;
}

export const DeviceErrorCode = {
  BAD_CRC: 1,
  BAD_COBS: 2,
  TRUNCATED: 3,
  OVERSIZE: 4,
  UNKNOWN_TYPE: 5,
  BAD_LENGTH: 6,
  BAD_INDEX: 7,
  BAD_RANGE: 8,
  INVOKE_FAILED: 9,
  RESET_FAILED: 10,
  UNSUPPORTED: 11,
} as const;

export function deviceErrorName(code: number): string {
  return Object.entries(DeviceErrorCode).find(([, c]) => c === code)?.[0] ?? `ERROR_${code}`;
}

/** SET_INPUT and GET_OUTPUT carry this many bytes before the data / after the index. */
export const SET_INPUT_HEADER_BYTES = 5;

export interface SetInputRequest {
  index: number;
  offset: number;
  data: Uint8Array;
}

export function encodeSetInputRequest(m: SetInputRequest): Uint8Array {
  return new ByteWriter().u8(m.index).u32(m.offset).bytes(m.data).finish();
}

export function decodeSetInputRequest(payload: Uint8Array): SetInputRequest {
  const r = new ByteReader(payload, 'SET_INPUT request');
  return { index: r.u8(), offset: r.u32(), data: r.rest() };
}

export interface GetOutputRequest {
  index: number;
  offset: number;
  length: number;
}

export function encodeGetOutputRequest(m: GetOutputRequest): Uint8Array {
  return new ByteWriter().u8(m.index).u32(m.offset).u32(m.length).finish();
}

export function decodeGetOutputRequest(payload: Uint8Array): GetOutputRequest {
  const r = new ByteReader(payload, 'GET_OUTPUT request');
  const m = { index: r.u8(), offset: r.u32(), length: r.u32() };
  r.end();
  return m;
}

/** INFO and STATS requests: an optional first index of the page wanted. */
export function encodePageRequest(type: 'INFO' | 'STATS', first: number): Uint8Array {
  const w = new ByteWriter();
  return (type === 'INFO' ? w.u8(first) : w.u16(first)).finish();
}

export function decodePageRequest(type: 'INFO' | 'STATS', payload: Uint8Array): number {
  if (payload.length === 0) return 0;
  const r = new ByteReader(payload, `${type} request`);
  const first = type === 'INFO' ? r.u8() : r.u16();
  r.end();
  return first;
}

/** Messages without a payload (INVOKE, RESET, their responses) must be empty. */
export function decodeEmpty(payload: Uint8Array, what: string): void {
  new ByteReader(payload, what).end();
}

export interface ErrorReply {
  code: number;
  detail: number;
  text: string;
}

export function encodeErrorReply(m: ErrorReply): Uint8Array {
  return new ByteWriter().u16(m.code).i32(m.detail).bytes(new TextEncoder().encode(m.text)).finish();
}

export function decodeErrorReply(payload: Uint8Array): ErrorReply {
  const r = new ByteReader(payload, 'ERROR');
  return { code: r.u16(), detail: r.i32(), text: new TextDecoder().decode(r.rest()) };
}

export * from './info-message.js';
export * from './stats-message.js';
