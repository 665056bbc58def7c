/** The sine example: reproducible training and the demo's accuracy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainSine } from '../../examples/sine/train.js';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

describe('sine example', () => {
  it('training is seeded: it reproduces the committed models byte for byte', () => {
    const { float, int8 } = trainSine();
    expect(Buffer.from(float).equals(readFileSync(join(REPO_ROOT, 'examples/sine/sine_float.tflite')))).toBe(
      true,
    );
    expect(Buffer.from(int8).equals(readFileSync(join(REPO_ROOT, 'examples/sine/sine_int8.tflite')))).toBe(
      true,
    );
  });

  it('`demo sine` prints 360 lines and a summary; the int8 model tracks Math.sin', async () => {
    const r = await runCli('demo', 'sine');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('Model: sine of'));
    expect(lines).toHaveLength(360);
    expect(lines[30]).toMatch(
      /^Model: sine of 30 deg is -?\d\.\d{4} {3}Math\.sin: 0\.5000 {3}Deviation: \d\.\d{4}$/,
    );
    const j = JSON.parse((await runCli('demo', 'sine', '--json')).stdout);
    expect(j.meanDeviation).toBeLessThan(0.06);
    expect(j.maxDeviation).toBeLessThan(0.2);
  });
});
