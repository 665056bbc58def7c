/** SOFTMAX: the generated C equals the TS interpreter (float32, int8, int8 -> int16, int16). */
import { describe, it } from 'vitest';
import type { DType } from '../../src/tflite/schema.js';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, type OpCase, runNative } from './fc-group-native.js';

const OUT: Record<string, { scale: number; zeroPoint: number }> = {
  int8: { scale: 1 / 256, zeroPoint: -128 },
  'int8-int16': { scale: 1 / 65536, zeroPoint: -32768 },
  int16: { scale: 1 / 32768, zeroPoint: 0 },
};

function softmaxCase(
  name: string,
  inDType: DType,
  outDType: DType,
  shape: number[],
  inQuant?: { scale: number; zeroPoint: number },
  beta = 1,
): OpCase {
  const outQuant = inDType === 'float32' ? undefined : OUT[inDType === outDType ? inDType : 'int8-int16'];
  return {
    name,
    opcode: 'SOFTMAX',
    inputs: [{ dtype: inDType, shape, quant: inQuant }],
    output: { dtype: outDType, shape, quant: outQuant },
    options: { beta },
    invokes: 2,
  };
}

describe.skipIf(!hostCcAvailable)('SOFTMAX: generated C vs TS interpreter', () => {
  it('agrees on float32, int8, int8 -> int16 and int16 softmax', async () => {
    const cases = [
      softmaxCase('f32', 'float32', 'float32', [3, 10]),
      softmaxCase('f32_beta', 'float32', 'float32', [1, 2, 3, 7], undefined, 0.37),
      softmaxCase('s8', 'int8', 'int8', [4, 12], { scale: 0.1, zeroPoint: 5 }),
      softmaxCase('s8_wide', 'int8', 'int8', [2, 33], { scale: 0.9, zeroPoint: -128 }),
      softmaxCase('s8_narrow', 'int8', 'int8', [2, 1, 20], { scale: 0.003, zeroPoint: 127 }, 2),
      softmaxCase('s8_depth1', 'int8', 'int8', [5, 1], { scale: 0.05, zeroPoint: 0 }),
      softmaxCase('s8_s16', 'int8', 'int16', [3, 10], { scale: 0.125, zeroPoint: -3 }),
      softmaxCase('s16', 'int16', 'int16', [3, 16], { scale: 1 / 2048, zeroPoint: 0 }),
      softmaxCase('s16_beta', 'int16', 'int16', [2, 9], { scale: 1 / 4096, zeroPoint: 0 }, 3),
    ];
    expectSameOutputs(await runNative(cases));
  });
});
