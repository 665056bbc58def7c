/**
 * CAST in generated C vs the interpreter: all 49 dtype pairs in one model, with the float
 * values x86-64 converts specially (NaN, infinities, out of int32 / int64 range), integers at
 * their limits, bool bytes other than 0 and 1; and two casts chained in place.
 */
import { describe, expect, it } from 'vitest';
import { encodeValues, ModelBuilder } from '../../src/tflite/model-builder.js';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { type RawCase, runCases } from './elementwise-support.js';

const DTYPES: DType[] = ['int8', 'uint8', 'int16', 'int32', 'uint32', 'float32', 'bool'];

const VALUES: Record<string, number[]> = {
  int8: [-128, -1, 0, 1, 127, 5, -77, 100],
  uint8: [0, 1, 127, 128, 255, 200, 2, 99],
  int16: [-32768, -129, -1, 0, 255, 256, 32767, 1000],
  int32: [-2147483648, -65537, -1, 0, 65535, 16777217, 2147483647, 300],
  uint32: [0, 1, 2147483647, 2147483648, 4294967295, 3000000001, 16777217, 256],
  float32: [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0.7,
    -1.5,
    255.9,
    -128.5,
    65535.5,
    2147483648,
    -2147483648,
    -2147483904,
    3e9,
    4294967296,
    1e19,
    -1e19,
  ],
  bool: [0, 1, 2, 255, 0, 1, 128, 0],
};

function allPairs(): RawCase {
  const mb = new ModelBuilder();
  const inputs = DTYPES.map((dtype) => mb.addInput({ dtype, shape: [VALUES[dtype].length] }));
  const outputs = DTYPES.flatMap((from, i) =>
    DTYPES.map((to) => {
      const out = mb.addTensor({ dtype: to, shape: [VALUES[from].length] });
      mb.addOperator('CAST', [inputs[i]], [out], {});
      return out;
    }),
  );
  mb.markOutputs(...outputs);
  return { label: 'all pairs', bytes: mb.build(), inputs: DTYPES.map((d) => encodeValues(d, VALUES[d])) };
}

/** int32 -> float32 -> int32 and float32 -> uint32 -> float32: each second cast in place. */
function chains(): RawCase {
  const mb = new ModelBuilder();
  const chain = (a: DType, b: DType) => {
    const x = mb.addInput({ dtype: a, shape: [8] });
    const mid = mb.addTensor({ dtype: b, shape: [8] });
    const out = mb.addTensor({ dtype: a, shape: [8] });
    mb.addOperator('CAST', [x], [mid], {});
    mb.addOperator('CAST', [mid], [out], {});
    return out;
  };
  mb.markOutputs(chain('int32', 'float32'), chain('float32', 'uint32'));
  const inputs = [encodeValues('int32', VALUES.int32), encodeValues('float32', VALUES.float32.slice(4, 12))];
  return { label: 'chains', bytes: mb.build(), inputs };
}

describe.skipIf(!hostCcAvailable)('C: CAST', () => {
  it('every pair matches the interpreter byte for byte, in place too', { timeout: 120_000 }, async () => {
    const outcome = await runCases([allPairs(), chains()]);
    expect(outcome.mismatches).toEqual([]);
    expect(outcome.inPlaceCalls[1]).toEqual(['tf_cast_f32_s32', 'tf_cast_u32_f32']);
  });
});
