/**
 * Consistent Overhead Byte Stuffing (docs/protocol.md, section 1): the encoding has no zero
 * byte, so 0x00 can delimit frames and a receiver resynchronises at the next zero.
 */
import { ProtocolError } from '../errors.js';

/** Longest run of non-zero bytes one code byte can announce. */
const MAX_RUN = 254;

/** Upper bound of `cobsEncode(data).length` for `length` input bytes. */
export function cobsMaxEncodedLength(length: number): number {
  return length + Math.floor(length / MAX_RUN) + 1;
}

export function cobsEncode(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(cobsMaxEncodedLength(data.length));
  let o = 0;
  let i = 0;
  for (;;) {
    let run = 0;
    while (i + run < data.length && run < MAX_RUN && data[i + run] !== 0) run++;
    out[o++] = run + 1;
    out.set(data.subarray(i, i + run), o);
    o += run;
    i += run;
    if (i === data.length) break;
    // A full block carries no implied zero; any other block stopped at one.
    if (run < MAX_RUN) i++;
  }
  return out.slice(0, o);
}

/** Decodes one frame's bytes (without delimiters); undefined when they are not valid COBS. */
export function tryCobsDecode(encoded: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(encoded.length);
  let o = 0;
  let i = 0;
  while (i < encoded.length) {
    const code = encoded[i++]!;
    const end = i + code - 1;
    if (code === 0 || end > encoded.length) return undefined;
    const block = encoded.subarray(i, end);
    if (block.includes(0)) return undefined;
    out.set(block, o);
    o += block.length;
    i = end;
    if (code <= MAX_RUN && i < encoded.length) out[o++] = 0;
  }
  return out.slice(0, o);
}

export function cobsDecode(encoded: Uint8Array): Uint8Array {
  const decoded = tryCobsDecode(encoded);
  if (!decoded) throw new ProtocolError('invalid COBS encoding');
  return decoded;
}
