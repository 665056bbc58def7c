/** LOGISTIC: the generated C equals the TS interpreter (float32, int8 table, int16). */
import { describe, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, runNative, unaryCase } from './fc-group-native.js';

describe.skipIf(!hostCcAvailable)('LOGISTIC: generated C vs TS interpreter', () => {
  it('agrees on float32, int8 (several scales and zero points) and int16 (exact and scaled paths)', async () => {
    const out8 = { scale: 1 / 256, zeroPoint: -128 };
    const out16 = { scale: 2 ** -15, zeroPoint: 0 };
    const cases = [
      unaryCase('f32', 'LOGISTIC', 'float32'),
      unaryCase('s8', 'LOGISTIC', 'int8', { scale: 0.1, zeroPoint: 3 }, out8),
      unaryCase('s8_fine', 'LOGISTIC', 'int8', { scale: 0.01, zeroPoint: -128 }, out8),
      unaryCase('s8_coarse', 'LOGISTIC', 'int8', { scale: 0.5, zeroPoint: 127 }, out8),
      unaryCase('s16_pot', 'LOGISTIC', 'int16', { scale: 2 ** -12, zeroPoint: 0 }, out16),
      unaryCase('s16_pot11', 'LOGISTIC', 'int16', { scale: 2 ** -11, zeroPoint: 0 }, out16),
      unaryCase('s16', 'LOGISTIC', 'int16', { scale: 0.0003, zeroPoint: 0 }, out16),
    ];
    expectSameOutputs(await runNative(cases));
  });
});
