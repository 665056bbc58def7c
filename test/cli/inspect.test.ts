/** `tinyforge inspect` on models made with ModelBuilder and on the shared models. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { runCli } from '../support/cli.js';
import { HAVE_SHARED, MODELS_DIR } from '../support/shared.js';

function convModel(): Uint8Array {
  const b = new ModelBuilder();
  const x = b.addInput({
    name: 'in',
    dtype: 'int8',
    shape: [1, 8, 8, 3],
    quant: { scale: 0.5, zeroPoint: -1 },
  });
  const w = b.addTensor({
    name: 'w',
    dtype: 'int8',
    shape: [4, 3, 3, 3],
    data: new Int8Array(108).fill(1),
    quant: { scale: [0.1, 0.1, 0.1, 0.1], zeroPoint: [0, 0, 0, 0], quantizedDimension: 0 },
  });
  const y = b.addTensor({
    name: 'conv',
    dtype: 'int8',
    shape: [1, 8, 8, 4],
    quant: { scale: 1, zeroPoint: 0 },
  });
  b.addOperator('CONV_2D', [x, w, -1], [y], {
    padding: 'SAME',
    strideW: 1,
    strideH: 1,
    fusedActivationFunction: 'RELU6',
  });
  const z = b.addTensor({ name: 'out', dtype: 'float32', shape: [1, 8, 8, 4] });
  b.addOperator('DEQUANTIZE', [y], [z]);
  b.markOutputs(z);
  return b.build();
}

describe('inspect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinyforge-inspect-'));
  const path = join(dir, 'conv.tflite');
  writeFileSync(path, convModel());

  it('--json reports I/O, ops, MACs, weights and the quantization verdict', async () => {
    const r = await runCli('inspect', path, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.inputs).toEqual([
      expect.objectContaining({ name: 'in', shape: [1, 8, 8, 3], dtype: 'int8', scale: 0.5, zeroPoint: -1 }),
    ]);
    expect(j.outputs[0]).toMatchObject({ name: 'out', dtype: 'float32', scale: null, zeroPoint: null });
    expect(j.operators.map((o: { opcode: string }) => o.opcode)).toEqual(['CONV_2D', 'DEQUANTIZE']);
    expect(j.operators[0].macs).toBe(8 * 8 * 4 * 3 * 3 * 3);
    expect(j.opCounts).toEqual({ CONV_2D: 1, DEQUANTIZE: 1 });
    expect(j.macs).toBe(6912);
    expect(j.weightBytes).toBe(108);
    expect(j.quantization).toMatchObject({ fullyInteger: false, perChannel: true, floatOps: [1] });
  });

  it('prints aligned tables without colour when not on a TTY', async () => {
    const r = await runCli('inspect', path);
    expect(r.stdout).toMatch(/CONV_2D\s+\[1,8,8,3\] \[4,3,3,3\] -\s+\[1,8,8,4\]\s+RELU6\s+6,912/);
    expect(r.stdout).toMatch(/ops computing in float:\s+#1/);
    expect(r.stdout.includes('\u001b[')).toBe(false);
  });

  it.skipIf(!HAVE_SHARED)('says a fully int8 shared model is fully integer', async () => {
    const j = JSON.parse(
      (await runCli('inspect', join(MODELS_DIR, 'person_detect.tflite'), '--json')).stdout,
    );
    expect(j.quantization).toMatchObject({ fullyInteger: true, perChannel: true, floatOps: [] });
    expect(j.opCounts.CONV_2D).toBe(14);
    expect(j.macs).toBeGreaterThan(7_000_000);
  });
});
