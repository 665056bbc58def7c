/** `tinyforge run`: inputs, outputs, fill modes, top-N, timing, JSON and mismatch errors. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNpz, writeNpy, writeNpz } from '../../src/io/npy.js';
import { ModelBuilder } from '../../src/tflite/model-builder.js';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'tf-run-'));
const SINE = join(REPO_ROOT, 'examples/sine/sine_int8.tflite');

/** y = relu(x) with two inputs added first: a model whose outputs are easy to predict. */
function addModel(): string {
  const b = new ModelBuilder();
  const q = { scale: 0.5, zeroPoint: 0 };
  const a = b.addInput({ name: 'a', dtype: 'int8', shape: [1, 4], quant: q });
  const c = b.addInput({ name: 'b', dtype: 'int8', shape: [1, 4], quant: q });
  const y = b.addTensor({ name: 'sum', dtype: 'int8', shape: [1, 4], quant: q });
  b.addOperator('ADD', [a, c], [y], { fusedActivationFunction: 'RELU' });
  b.markOutputs(y);
  const p = join(dir, 'add.tflite');
  writeFileSync(p, b.build());
  return p;
}

const int8 = (xs: number[]) => new Uint8Array(Int8Array.from(xs).buffer);

describe('run', () => {
  const model = addModel();

  it('reads .npz inputs by name and writes .npz outputs by name', async () => {
    const inputs = join(dir, 'in.npz');
    writeFileSync(
      inputs,
      writeNpz({
        a: { dtype: 'int8', shape: [1, 4], data: int8([1, 2, -3, 4]) },
        b: { dtype: 'int8', shape: [1, 4], data: int8([1, 1, 1, -10]) },
      }),
    );
    const outputs = join(dir, 'out.npz');
    const r = await runCli('run', model, '-i', inputs, '-o', outputs);
    expect(r.code).toBe(0);
    const out = parseNpz(new Uint8Array(readFileSync(outputs))).get('sum')!;
    expect(Array.from(new Int8Array(out.data.buffer))).toEqual([2, 3, 0, 0]);
    expect(out.shape).toEqual([1, 4]);
  });

  it('accepts input_<i> keys, names a missing input, and rejects a wrong shape', async () => {
    const ok = join(dir, 'keys.npz');
    writeFileSync(
      ok,
      writeNpz({
        input_0: { dtype: 'int8', shape: [1, 4], data: int8([0, 0, 0, 0]) },
        input_1: { dtype: 'int8', shape: [4], data: int8([5, 5, 5, 5]) },
      }),
    );
    expect(JSON.parse((await runCli('run', model, '-i', ok, '--json')).stdout).outputs[0].values).toEqual([
      5, 5, 5, 5,
    ]);
    const missing = join(dir, 'missing.npz');
    writeFileSync(missing, writeNpz({ a: { dtype: 'int8', shape: [1, 4], data: int8([0, 0, 0, 0]) } }));
    const r1 = await runCli('run', model, '-i', missing);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/no array for input 1 "b"/);
    const wrong = join(dir, 'wrong.npz');
    writeFileSync(
      wrong,
      writeNpz({
        a: { dtype: 'int8', shape: [2, 3], data: int8([0, 0, 0, 0, 0, 0]) },
        b: { dtype: 'int8', shape: [1, 4], data: int8([0, 0, 0, 0]) },
      }),
    );
    const r2 = await runCli('run', model, '-i', wrong);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/input 0 "a" expects shape \[1,4\] \(int8\), got \[2,3\] \(int8\)/);
  });

  it('float inputs for an int8 model need --quantize-inputs', async () => {
    const f = join(dir, 'x.npy');
    writeFileSync(
      f,
      writeNpy({ dtype: 'float32', shape: [1, 1], data: new Uint8Array(Float32Array.of(1.5).buffer) }),
    );
    const refused = await runCli('run', SINE, '-i', f);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is int8 but the file holds float32/);
    expect(refused.stderr).toMatch(/hint: pass --quantize-inputs/);
    const r = await runCli('run', SINE, '-i', f, '--quantize-inputs', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outputs[0].dequantized[0]).toBeCloseTo(Math.sin(1.5), 1);
  });

  it('raw .bin input for a one-input model', async () => {
    const f = join(dir, 'x.bin');
    writeFileSync(f, int8([10]));
    const r = await runCli('run', SINE, '-i', f, '--json');
    expect(r.code).toBe(0);
    writeFileSync(f, int8([10, 11]));
    const bad = await runCli('run', SINE, '-i', f);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/needs 1 bytes, got 2/);
  });

  it('fill modes are deterministic; --print-top shows raw and dequantized values', async () => {
    const z = JSON.parse((await runCli('run', model, '--fill-mode', 'zeros', '--json')).stdout);
    expect(z.outputs[0].values).toEqual([0, 0, 0, 0]);
    const o = JSON.parse((await runCli('run', model, '--fill-mode', 'ones', '--json')).stdout);
    expect(o.outputs[0].values).toEqual([2, 2, 2, 2]);
    const r1 = (await runCli('run', model, '--seed', '5', '--json')).stdout;
    const r2 = (await runCli('run', model, '--seed', '5', '--json')).stdout;
    expect(r1).toBe(r2);
    const top = await runCli('run', model, '--fill-mode', 'ones', '--print-top', '2');
    expect(top.stdout).toMatch(/index\s+raw\s+value/);
    expect(top.stdout).toMatch(/0\s+2\s+1\n/);
  });

  it('--print-time with --repeat and --number reports statistics', async () => {
    const r = await runCli('run', model, '--print-time', '--repeat', '3', '--number', '2');
    expect(r.code).toBe(0);
    for (const k of ['mean ms', 'median ms', 'std ms', 'min ms', 'max ms']) expect(r.stdout).toContain(k);
    expect(r.stdout).toMatch(/repeat x number:\s+3 x 2/);
    const j = JSON.parse((await runCli('run', model, '--repeat', '2', '--json')).stdout);
    expect(j.timing).toMatchObject({ repeat: 2, number: 1 });
    expect((await runCli('run', model, '--repeat', '0')).code).toBe(2);
  });

  it('an unknown device is a usage error', async () => {
    const r = await runCli('run', model, '--device', 'toaster');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown device "toaster"/);
  });
});
