/** The post-training quantizer: scheme checks and agreement with the float model. */
import { describe, expect, it } from 'vitest';
import { UnsupportedOperatorError } from '../../src/errors.js';
import { buildGraph } from '../../src/graph/graph.js';
import { Interpreter } from '../../src/interpreter/interpreter.js';
import { activationParams, quantizeModel } from '../../src/quantize/ptq.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { readModel } from '../../src/tflite/reader.js';

function floatMlp(): Uint8Array {
  const b = new ModelBuilder();
  const x = b.addInput({ name: 'x', dtype: 'float32', shape: [1, 2] });
  const w = b.addTensor({ name: 'w', dtype: 'float32', shape: [3, 2], data: [0.5, -1, 2, 0.25, -0.75, 1.5] });
  const bias = b.addTensor({ name: 'b', dtype: 'float32', shape: [3], data: [0.1, -0.2, 0.3] });
  const h = b.addTensor({ name: 'h', dtype: 'float32', shape: [1, 3] });
  b.addOperator('FULLY_CONNECTED', [x, w, bias], [h], { fusedActivationFunction: 'RELU' });
  b.markOutputs(h);
  return b.build();
}

describe('post-training quantization', () => {
  it('nudges activation ranges to contain zero exactly', () => {
    const q = activationParams({ min: 0, max: 2.55 });
    expect(q.scale).toBeCloseTo(0.01, 12);
    expect(q.zeroPoint).toBe(-128);
    const p = activationParams({ min: -1, max: 1 });
    expect(p.zeroPoint).toBe(0);
    expect(activationParams({ min: 1, max: 3 }).zeroPoint).toBe(-128);
  });

  it('writes per-channel symmetric int8 weights, int32 bias and int8 I/O', () => {
    const samples = Array.from({ length: 50 }, (_, i) => [Float32Array.of(Math.sin(i), Math.cos(i))]);
    const g = buildGraph(readModel(quantizeModel(readModel(floatMlp()), samples)));
    const [x, w, bias] = g.ops[0].inputs.map((i) => g.tensors[i]);
    expect(x.dtype).toBe('int8');
    expect(w.dtype).toBe('int8');
    expect(w.quant!.scale).toHaveLength(3);
    expect(w.quant!.zeroPoint).toEqual([0, 0, 0]);
    expect(bias.dtype).toBe('int32');
    expect(bias.quant!.scale[0]).toBeCloseTo(x.quant!.scale[0] * w.quant!.scale[0], 9);
    expect(g.tensors[g.outputs[0]].dtype).toBe('int8');
  });

  it('agrees with the float model within a few output steps', () => {
    const samples = Array.from({ length: 100 }, (_, i) => [Float32Array.of(Math.sin(i), Math.cos(i * 0.7))]);
    const fg = buildGraph(readModel(floatMlp()));
    const qg = buildGraph(readModel(quantizeModel(readModel(floatMlp()), samples)));
    const fi = new Interpreter(fg);
    const qi = new Interpreter(qg);
    const inQ = qg.tensors[qg.inputs[0]].quant!;
    const outQ = qg.tensors[qg.outputs[0]].quant!;
    for (const [s] of samples.slice(0, 20)) {
      fi.setInput(0, new Uint8Array(s.buffer));
      fi.invoke();
      const q = Int8Array.from(s, (v) => Math.round(v / inQ.scale[0]) + inQ.zeroPoint[0]);
      qi.setInput(0, new Uint8Array(q.buffer));
      qi.invoke();
      const fy = new Float32Array(fi.output(0).buffer);
      const qy = Array.from(
        new Int8Array(qi.output(0).buffer),
        (v) => (v - outQ.zeroPoint[0]) * outQ.scale[0],
      );
      fy.forEach((v, i) => {
        expect(Math.abs(v - qy[i])).toBeLessThan(4 * outQ.scale[0]);
      });
    }
  });

  it('names every op it cannot quantize', () => {
    const b = new ModelBuilder();
    const x = b.addInput({ dtype: 'float32', shape: [4] });
    const y = b.addTensor({ dtype: 'float32', shape: [4] });
    const z = b.addTensor({ dtype: 'float32', shape: [4] });
    b.addOperator('EXP', [x], [y]);
    b.addOperator('LOG', [y], [z]);
    b.markOutputs(z);
    expect(() => quantizeModel(readModel(b.build()), [[new Float32Array(4)]])).toThrow(
      UnsupportedOperatorError,
    );
    expect(() => quantizeModel(readModel(b.build()), [[new Float32Array(4)]])).toThrow(/#0 EXP.*#1 LOG/);
  });
});
