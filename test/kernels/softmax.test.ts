import { describe, expect, it } from 'vitest';
import { KernelPrepareError, UnsupportedOperatorError } from '../../src/errors.js';
import type { DType } from '../../src/tflite/schema.js';
import { opInterpreter, randomInts, runOp } from './fc-group-support.js';

function softmax(
  inDType: DType,
  inScale: number,
  outDType: DType,
  out: { scale: number; zeroPoint: number },
  shape: number[],
  values: number[],
  beta = 1,
): number[] {
  const q = (scale: number, zeroPoint: number) => (inDType === 'float32' ? undefined : { scale, zeroPoint });
  return runOp(
    'SOFTMAX',
    [{ dtype: inDType, shape, quant: q(inScale, 0) }],
    { dtype: outDType, shape, quant: outDType === 'float32' ? undefined : out },
    [values],
    { beta },
  );
}

/** Float softmax of one row, for the quantized kernels' expectations. */
function reference(row: number[], scale: number, beta = 1): number[] {
  const max = Math.max(...row);
  const e = row.map((v) => Math.exp((v - max) * scale * beta));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

const INT8_OUT = { scale: 1 / 256, zeroPoint: -128 };

describe('SOFTMAX float32', () => {
  it('normalises exp(beta * (x - max)) per row', () => {
    const out = softmax('float32', 0, 'float32', INT8_OUT, [2, 3], [1, 2, 3, 0, 0, 0], 0.5);
    const row = reference([1, 2, 3], 1, 0.5);
    [...row, 1 / 3, 1 / 3, 1 / 3].forEach((v, i) => {
      expect(out[i]).toBeCloseTo(v, 6);
    });
  });
});

describe('SOFTMAX int8', () => {
  it('gives exactly 1/4 (64/256) to each of four equal inputs', () => {
    expect(softmax('int8', 0.5, 'int8', INT8_OUT, [1, 4], [7, 7, 7, 7])).toEqual([-64, -64, -64, -64]);
  });

  it('saturates a dominant entry at 127 and flushes negligible ones to -128', () => {
    expect(softmax('int8', 1, 'int8', INT8_OUT, [1, 2], [127, -128])).toEqual([127, -128]);
  });

  it('is within one step of the float softmax on random rows', () => {
    const scale = 0.0625;
    const values = randomInts(40, -128, 127, 7);
    const out = softmax('int8', scale, 'int8', INT8_OUT, [5, 8], values);
    for (let r = 0; r < 5; r++) {
      const ref = reference(values.slice(r * 8, r * 8 + 8), scale);
      ref.forEach((p, c) => {
        expect(Math.abs(out[r * 8 + c] - (p * 256 - 128))).toBeLessThanOrEqual(1);
      });
    }
  });

  it('writes int16 probabilities with scale 1/65536 and zero point -32768', () => {
    const out = softmax('int8', 0.5, 'int16', { scale: 1 / 65536, zeroPoint: -32768 }, [1, 4], [3, 3, 3, 3]);
    expect(out).toEqual([-16384, -16384, -16384, -16384]);
  });
});

describe('SOFTMAX int16', () => {
  it('is within a few steps of the float softmax (LUT exp and reciprocal)', () => {
    // TFLM's exp table stops at -10: smaller differences count as exp(-10), about 1.5 steps each.
    const scale = 1 / 2048;
    const values = [...randomInts(12, -20000, 20000, 9), 0, 0, 0, 0];
    const out = softmax('int16', scale, 'int16', { scale: 1 / 32768, zeroPoint: 0 }, [4, 4], values);
    for (let r = 0; r < 4; r++) {
      reference(values.slice(r * 4, r * 4 + 4), scale).forEach((p, c) => {
        expect(Math.abs(out[r * 4 + c] - p * 32768)).toBeLessThanOrEqual(8);
      });
    }
  });
});

describe('SOFTMAX int16 exact points', () => {
  it('splits equal inputs evenly', () => {
    const out = softmax('int16', 1 / 4096, 'int16', { scale: 1 / 32768, zeroPoint: 0 }, [1, 4], [5, 5, 5, 5]);
    expect(out).toEqual([8192, 8192, 8192, 8192]);
  });
});

describe('SOFTMAX configuration errors', () => {
  it('needs the standard int8 output quantization', () => {
    expect(() =>
      opInterpreter(
        'SOFTMAX',
        [{ dtype: 'int8', shape: [1, 4], quant: { scale: 0.5, zeroPoint: 0 } }],
        { dtype: 'int8', shape: [1, 4], quant: { scale: 1 / 128, zeroPoint: -128 } },
        { beta: 1 },
      ),
    ).toThrow(KernelPrepareError);
  });

  it('reports uint8 as unsupported', () => {
    expect(() =>
      opInterpreter(
        'SOFTMAX',
        [{ dtype: 'uint8', shape: [1, 4], quant: { scale: 0.5, zeroPoint: 0 } }],
        { dtype: 'uint8', shape: [1, 4], quant: { scale: 1 / 256, zeroPoint: 0 } },
        { beta: 1 },
      ),
    ).toThrow(UnsupportedOperatorError);
  });
});
