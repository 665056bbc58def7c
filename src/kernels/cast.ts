// Reproduces TFLM reference CAST: cast.cc copyCast (static_cast per element) among int8, int16, int32, uint32, uint8, float32 and bool.
import type { TensorStore } from '../interpreter/tensor-store.js';
import { INT32_MIN } from '../quant/fixed-point.js';
import { requireSameCount, type ViewDType, viewOf } from './common/elementwise.js';
import { defineKernel, type PrepareContext } from './types.js';

const DTYPES = ['int8', 'int16', 'int32', 'uint32', 'uint8', 'float32', 'bool'] as const;
type CastDType = (typeof DTYPES)[number];

export interface CastParams {
  from: CastDType;
  to: CastDType;
  input: number;
  output: number;
  count: number;
}

function isCastDType(d: string): d is CastDType {
  return (DTYPES as readonly string[]).includes(d);
}

function prepare(ctx: PrepareContext): CastParams {
  const input = ctx.input(0);
  const output = ctx.output(0);
  if (!isCastDType(input.dtype)) ctx.unsupported(`input dtype ${input.dtype}`);
  if (!isCastDType(output.dtype)) ctx.unsupported(`output dtype ${output.dtype}`);
  return {
    from: input.dtype,
    to: output.dtype,
    input: ctx.op.inputs[0],
    output: ctx.op.outputs[0],
    count: requireSameCount(ctx, input, output),
  };
}

/**
 * static_cast<int>(float) as the x86-64 build evaluates it (cvttss2si): truncation, with NaN
 * and out-of-range values becoming INT32_MIN; narrower integer targets keep its low bits.
 */
export function floatToInt32(v: number): number {
  const t = Math.trunc(v);
  return t >= -2147483648 && t < 2147483648 ? t : INT32_MIN;
}

/** static_cast<uint32_t>(float): converted through int64 (cvttss2si r64), keeping the low 32 bits. */
export function floatToUint32(v: number): number {
  const t = Math.trunc(v);
  return t >= -(2 ** 63) && t < 2 ** 63 ? Number(BigInt.asUintN(32, BigInt(t))) : 0;
}

type Values = { [i: number]: number; length: number };

function evalCast(p: CastParams, store: TensorStore): void {
  const x = viewOf(store, p.input, p.from as ViewDType) as Values;
  const out = viewOf(store, p.output, p.to as ViewDType) as Values;
  const { count } = p;
  if (p.from === 'bool') {
    for (let i = 0; i < count; i++) out[i] = x[i] !== 0 ? 1 : 0;
  } else if (p.to === 'bool') {
    for (let i = 0; i < count; i++) out[i] = x[i] !== 0 ? 1 : 0;
  } else if (p.from !== 'float32' || p.to === 'float32') {
    // Integer wrap-around and integer-to-float rounding are exactly what typed arrays store.
    for (let i = 0; i < count; i++) out[i] = x[i];
  } else if (p.to === 'uint32') {
    for (let i = 0; i < count; i++) out[i] = floatToUint32(x[i]);
  } else {
    for (let i = 0; i < count; i++) out[i] = floatToInt32(x[i]);
  }
}

export const cast = defineKernel({ op: 'CAST', alias: 'in-place', prepare, eval: evalCast });
