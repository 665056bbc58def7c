/** TANH: the generated C equals the TS interpreter (float32, int8 table, int16). */
import { describe, it } from 'vitest';
import { hostCcAvailable } from '../support/toolchains.js';
import { expectSameOutputs, runNative, unaryCase } from './fc-group-native.js';

describe.skipIf(!hostCcAvailable)('TANH: generated C vs TS interpreter', () => {
  it('agrees on float32, int8 (several scales and zero points) and int16 (exact and scaled paths)', async () => {
    const out8 = { scale: 1 / 128, zeroPoint: 0 };
    const out16 = { scale: 2 ** -15, zeroPoint: 0 };
    const cases = [
      unaryCase('f32', 'TANH', 'float32'),
      unaryCase('s8', 'TANH', 'int8', { scale: 0.05, zeroPoint: -7 }, out8),
      unaryCase('s8_fine', 'TANH', 'int8', { scale: 0.004, zeroPoint: 0 }, out8),
      unaryCase('s8_coarse', 'TANH', 'int8', { scale: 0.3, zeroPoint: -128 }, out8),
      unaryCase('s16_pot', 'TANH', 'int16', { scale: 2 ** -12, zeroPoint: 0 }, out16),
      unaryCase('s16_pot11', 'TANH', 'int16', { scale: 2 ** -11, zeroPoint: 0 }, out16),
      unaryCase('s16', 'TANH', 'int16', { scale: 0.0007, zeroPoint: 0 }, out16),
    ];
    expectSameOutputs(await runNative(cases));
  });
});
