/** LOG_SOFTMAX: the generated C equals the TS interpreter (float32, int8). */
import { describe, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, runNative, unaryCase } from './fc-group-native.js';

describe.skipIf(!hostCcAvailable)('LOG_SOFTMAX: generated C vs TS interpreter', () => {
  it('agrees on float32 and int8 (several input scales)', async () => {
    const out = { scale: 16 / 256, zeroPoint: 127 };
    const cases = [
      unaryCase('f32', 'LOG_SOFTMAX', 'float32', undefined, undefined, [3, 10]),
      unaryCase('f32_4d', 'LOG_SOFTMAX', 'float32', undefined, undefined, [1, 2, 2, 7]),
      unaryCase('s8', 'LOG_SOFTMAX', 'int8', { scale: 0.1, zeroPoint: 4 }, out, [4, 12]),
      unaryCase('s8_fine', 'LOG_SOFTMAX', 'int8', { scale: 0.01, zeroPoint: -128 }, out, [2, 40]),
      unaryCase('s8_coarse', 'LOG_SOFTMAX', 'int8', { scale: 0.7, zeroPoint: 0 }, out, [3, 5]),
      unaryCase('s8_depth1', 'LOG_SOFTMAX', 'int8', { scale: 0.2, zeroPoint: 0 }, out, [6, 1]),
    ];
    expectSameOutputs(await runNative(cases));
  });
});
